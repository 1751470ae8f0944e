Attribute VB_Name = "EvalReport"
' evalreport control panel: each button on the sheet "Bang dieu khien" runs one handler of
' the Python module evalreport.excel.handlers through xlwings' RunPython (the module "xlwings"
' embedded in this workbook). The handler reads the settings from the panel and writes its
' status, findings and completeness back; it never raises into Excel.
'
' Kept as text in the evalreport repository (workbooks/evalreport_panel.bas) and embedded by
' "evalreport excel build-workbook". To use it by hand: VBA editor (Alt+F11) > File >
' Import File..., together with xlwings' standalone module (xlwings.bas, "xlwings copy vba").
' Keep this file ASCII: VBA source is stored in the project's code page.
Option Explicit

Public Sub TaoBieuMau()
    RunPython "import evalreport.excel.handlers as h; h.make_templates()"
End Sub

Public Sub KiemTra()
    RunPython "import evalreport.excel.handlers as h; h.check_inbox()"
End Sub

Public Sub TongHop()
    RunPython "import evalreport.excel.handlers as h; h.consolidate()"
End Sub

Public Sub XuatBaoCao()
    RunPython "import evalreport.excel.handlers as h; h.write_reports()"
End Sub

Public Sub MoThuMucKetQua()
    RunPython "import evalreport.excel.handlers as h; h.open_outputs()"
End Sub
