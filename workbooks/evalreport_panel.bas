Attribute VB_Name = "EvalReport"
' evalreport control panel: each button on the sheet "Bang dieu khien" runs one handler of
' the Python module evalreport.excel.handlers through xlwings' RunPython (the module "xlwings"
' embedded in this workbook). The handler reads the settings from the panel and writes its
' status, findings and completeness back; it never raises into Excel.
'
' The buttons that decide what counts (close, reopen, approve, withdraw, admit) take their
' reason from the panel's "Ly do" cell, read by Python: VBA's InputBox is not Unicode and a
' Vietnamese reason would reach the ledger as "?". The units or the file are the rows selected
' on a table sheet, passed to the handler as row numbers (SelectedRows).
'
' What Python cannot report, because Python or evalreport did not start, this module reports
' on the panel itself, in the panel's language: the interpreter is looked up before RunPython
' (xlwings would show its own English "Could not find Interpreter!"), and a failed start
' (RunPython gives -1; xlwings puts the error text into a sheet "Error", because the sheet
' xlwings.conf sets SHOW_ERROR_POPUPS to False) or a VBA error becomes our message.
'
' Kept as text in the evalreport repository (workbooks/evalreport_panel.bas) and embedded by
' "python -m tools.panel". To use it by hand: VBA editor (Alt+F11) > File > Import File...,
' together with xlwings' standalone module (xlwings.bas, "xlwings copy vba").
' Keep this file ASCII: VBA source is stored in the project's code page. The messages are
' \u-escaped copies of evalreport/wording/panel_messages.py (a test checks they are equal).
Option Explicit

Public Sub TaoBieuMau()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.make_templates()")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub KiemTra()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.check_inbox()")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub TongHop()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.consolidate()")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub XuatBaoCao()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.write_reports()")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub MoThuMucKetQua()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.open_outputs()")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub ChotSoLieu()
    If Not PythonFound() Then Exit Sub
    If Not Confirmed("XL_CONFIRM_CLOSE") Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.close_period()")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub MoLaiKy()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.reopen_period()")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub DuyetBaoCao()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.approve_units(rows='" & SelectedRows(U("T\u00ecnh h\u00ecnh n\u1ed9p")) & "')")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub RutLaiDuyet()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.withdraw_approval(rows='" & SelectedRows(U("T\u00ecnh h\u00ecnh n\u1ed9p")) & "')")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Public Sub ChapNhanTepCho()
    If Not PythonFound() Then Exit Sub
    On Error GoTo Failed
    AfterRun RunPython("import evalreport.excel.handlers as h; h.admit_pending(rows='" & SelectedRows(U("Ph\u00e1t hi\u1ec7n")) & "')")
    Exit Sub
Failed:
    ReportStartFailure "XL_START_FAILED", Err.Description
End Sub

Private Function Confirmed(ByVal code As String) As Boolean
    ' A Yes/No question before a decision that freezes figures, in the panel's language. The box
    ' is WScript.Shell's Popup (Unicode, unlike MsgBox); "No", or closing the box, changes nothing.
    Dim what As String
    On Error Resume Next
    what = Replace(Message(code, PanelLanguage()), "{period}", CStr(ThisWorkbook.Names("ER_PERIOD").RefersToRange.Text))
    Confirmed = (CreateObject("WScript.Shell").Popup(what, 0, "evalreport", vbYesNo + vbQuestion) = vbYes)
End Function

Private Function SelectedRows(ByVal sheetName As String) As String
    ' The rows the officer selected on a table sheet, as "5:7,9". The buttons sit on the panel,
    ' where Excel's Selection is the panel's own, so the sheet is activated for a moment to read
    ' its selection. Only digits, ":" and ",": nothing in it can break RunPython's command line.
    ' Python reads the unit codes or file names from those rows itself (they may hold letters
    ' that a command line would mangle).
    ' A sheet renamed or deleted gives no rows, never the panel's own selection.
    Dim here As Object, sht As Object, area As Object, picked As String
    On Error Resume Next
    Set here = ActiveSheet
    Set sht = ThisWorkbook.Worksheets(sheetName)
    If sht Is Nothing Then Exit Function
    Application.ScreenUpdating = False
    sht.Activate
    If ActiveSheet.Name = sht.Name Then
        For Each area In ActiveWindow.RangeSelection.Areas
            If Len(picked) > 0 Then picked = picked & ","
            picked = picked & CStr(area.Row) & ":" & CStr(area.Row + area.Rows.Count - 1)
        Next area
    End If
    here.Activate
    Application.ScreenUpdating = True
    SelectedRows = picked
End Function

Private Function PanelLanguage() As String
    PanelLanguage = "vi"
    On Error Resume Next
    If CStr(ThisWorkbook.Names("ER_LANG").RefersToRange.Value) = "English" Then PanelLanguage = "en"
End Function

Private Function PythonFound() As Boolean
    ' The interpreter RunPython will use, looked up as RunPython does (xlwings' GetConfig: the
    ' sheet xlwings.conf, then xlwings.conf beside the workbook, then the user's
    ' %USERPROFILE%\.xlwings\xlwings.conf), checked with xlwings' own FileExists.
    Dim interpreter As String
    PythonFound = True
    On Error GoTo Unknown
    interpreter = CStr(GetConfig("INTERPRETER_WIN", ""))
    If interpreter = "" Then interpreter = CStr(GetConfig("INTERPRETER", "python"))
    If interpreter = "python" Or interpreter = "pythonw" Then
        If Not OnPath("python") Then
            PythonFound = False
            ReportStartFailure "XL_START_NO_PYTHON", "PATH: " & Environ("PATH"), "python, PATH"
        End If
    ElseIf Not FileExists(interpreter) Then
        PythonFound = False
        ReportStartFailure "XL_START_NO_PYTHON", interpreter, interpreter
    End If
Unknown:
End Function

Private Function OnPath(ByVal program As String) As Boolean
    ' cmd.exe finds "python" through PATH and PATHEXT (python.exe, or a .bat/.cmd shim).
    ' Environ() is ANSI: a folder whose name it cannot represent ("?") is not ours to judge,
    ' so then the start is left to RunPython (a failure is still reported, by AfterRun).
    Dim folders As Variant, ext As Variant, i As Long, folder As String
    folders = Split(Environ("PATH"), ";")
    For i = LBound(folders) To UBound(folders)
        folder = Trim$(Replace(CStr(folders(i)), """", ""))
        If InStr(folder, "?") > 0 Then OnPath = True: Exit Function
        If Len(folder) > 0 Then
            If Right$(folder, 1) <> "\" Then folder = folder & "\"
            For Each ext In Array(".exe", ".bat", ".cmd", ".com")
                If FileExists(folder & program & ext) Then OnPath = True: Exit Function
            Next ext
        End If
    Next i
End Function

Private Sub AfterRun(ByVal result As Variant)
    ' RunPython gives -1 when the Python process ended with an error. The handlers catch every
    ' error of their own, so this is a start that failed: Python missing, evalreport or xlwings
    ' not installed in it.
    If CStr(result) = "-1" Then ReportStartFailure "XL_START_FAILED", TakeErrorSheet()
End Sub

Private Function TakeErrorSheet() As String
    ' The error text xlwings wrote into A1 of the sheet "Error" (SHOW_ERROR_POPUPS = False);
    ' the sheet is removed again, its text goes to the panel's "Chi tiet" cell.
    Dim sht As Object
    On Error Resume Next
    Set sht = ThisWorkbook.Worksheets("Error")
    If sht Is Nothing Then Exit Function
    TakeErrorSheet = CStr(sht.Range("A1").Value)
    Application.DisplayAlerts = False
    sht.Delete
    Application.DisplayAlerts = True
End Function

Private Sub ReportStartFailure(ByVal code As String, ByVal detail As String, Optional ByVal interpreter As String = "")
    ' The status line and detail cells the Python handlers write, plus a message box. The box
    ' is WScript.Shell's Popup, which shows Unicode text; VBA's MsgBox would turn the
    ' Vietnamese letters into "?" outside a Vietnamese system code page.
    Dim lang As String, what As String, fix As String
    On Error Resume Next
    lang = PanelLanguage()
    what = Replace(Message(code, lang), "{interpreter}", interpreter)
    fix = Message("XL_START_FIX", lang)
    With ThisWorkbook.Names("ER_STATUS").RefersToRange
        .Worksheet.Activate
        .Value = "'[" & Format$(Now, "dd\/mm\/yyyy hh\:nn\:ss") & "] " & what & " " & fix
        .Font.Color = RGB(156, 0, 6)
    End With
    ThisWorkbook.Names("ER_DETAIL").RefersToRange.Value = "'" & detail
    CreateObject("WScript.Shell").Popup what & vbLf & vbLf & fix, 0, "evalreport", 16
End Sub

Private Function Message(ByVal code As String, ByVal lang As String) As String
    Select Case code & "." & lang
    Case "XL_START_NO_PYTHON.vi": Message = U("Kh\u00f4ng t\u00ecm th\u1ea5y Python ({interpreter}), n\u00ean b\u1ea3ng \u0111i\u1ec1u khi\u1ec3n kh\u00f4ng ch\u1ea1y \u0111\u01b0\u1ee3c.")
    Case "XL_START_NO_PYTHON.en": Message = U("Python was not found ({interpreter}), so the control panel cannot run.")
    Case "XL_START_FAILED.vi": Message = U("Kh\u00f4ng kh\u1edfi \u0111\u1ed9ng \u0111\u01b0\u1ee3c Python ho\u1eb7c evalreport (ch\u01b0a c\u00e0i, ho\u1eb7c c\u00e0i ch\u01b0a \u0111\u1ea7y \u0111\u1ee7).")
    Case "XL_START_FAILED.en": Message = U("Python or evalreport could not be started (not installed, or not completely installed).")
    Case "XL_START_FIX.vi": Message = U("C\u00e1ch x\u1eed l\u00fd: b\u1ea5m \u0111\u00fap t\u1ec7p cai-dat.cmd trong g\u00f3i c\u00e0i \u0111\u1eb7t evalreport (h\u01b0\u1edbng d\u1eabn: t\u1ec7p huong-dan-cai-dat.md trong g\u00f3i, ho\u1eb7c docs/vi/cai-dat.md), r\u1ed3i b\u1ea5m l\u1ea1i n\u00fat. Chi ti\u1ebft k\u1ef9 thu\u1eadt \u1edf \u00f4 \u201cChi ti\u1ebft\u201d; xem th\u00eam docs/vi/bang-dieu-khien.md.")
    Case "XL_START_FIX.en": Message = U("What to do: double-click cai-dat.cmd in the evalreport install bundle (guide: huong-dan-cai-dat.md in the bundle, or docs/vi/cai-dat.md), then click the button again. Technical detail in the \u201cChi ti\u1ebft\u201d cell; see also docs/vi/bang-dieu-khien.md.")
    Case "XL_CONFIRM_CLOSE.vi": Message = U("Ch\u1ed1t s\u1ed1 li\u1ec7u k\u1ef3 {period}? S\u1ed1 li\u1ec7u v\u00e0 k\u1ebft qu\u1ea3 c\u1ee7a k\u1ef3 \u0111\u01b0\u1ee3c gi\u1eef nguy\u00ean; t\u1ec7p \u0111\u1ebfn sau \u0111\u01b0\u1ee3c gi\u1eef ch\u1edd x\u1eed l\u00fd cho \u0111\u1ebfn khi m\u1edf l\u1ea1i k\u1ef3.")
    Case "XL_CONFIRM_CLOSE.en": Message = U("Close period {period}? Its figures and outputs stay as they are; files arriving later are held as pending until the period is reopened.")
    End Select
End Function

Private Function U(ByVal s As String) As String
    ' "\u1ea5" -> the character U+1EA5 (the messages are Vietnamese, the source is ASCII)
    Dim i As Long, out As String
    i = 1
    Do While i <= Len(s)
        If Mid$(s, i, 2) = "\u" Then
            out = out & ChrW(CLng("&H" & Mid$(s, i + 2, 4)))
            i = i + 6
        Else
            out = out & Mid$(s, i, 1)
            i = i + 1
        End If
    Loop
    U = out
End Function
