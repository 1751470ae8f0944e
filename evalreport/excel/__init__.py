"""The Excel control panel: a workbook whose buttons run evalreport through xlwings.

``handlers`` holds the functions the buttons call; ``panel`` reads the settings and writes the
results back; ``layout`` says where each setting and result sits. The workbook itself
(``workbooks/evalreport.xlsm``) is built by ``python -m tools.panel``. See docs/excel-guide.md.
"""
