"""Build tool: writes the Excel control panel ``workbooks/evalreport.xlsm`` (VBA project, compound
file) from the VBA kept as text. Run ``python -m tools.panel``; nothing at run time imports it."""
