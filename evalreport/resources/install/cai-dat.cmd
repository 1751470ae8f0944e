@echo off
rem Cài đặt evalreport không cần mạng. Bấm đúp tệp này; tất cả nằm trong thư mục "wheels" bên cạnh.
rem Tuỳ chọn: cai-dat.cmd THU_MUC  (nơi đặt môi trường Python; mặc định %LOCALAPPDATA%\evalreport\venv)
setlocal EnableExtensions
chcp 65001 >nul
set "HERE=%~dp0"
set "WHEELS=%HERE%wheels"
set "VENV=%~1"
if "%VENV%"=="" set "VENV=%LOCALAPPDATA%\evalreport\venv"
set "CHECK=import sys, struct; sys.exit(0 if sys.version_info >= (3, 11) and struct.calcsize('P') == 8 else 1)"

echo ============================================================
echo   CÀI ĐẶT EVALREPORT (không cần mạng)
echo ============================================================
echo.
echo [1/4] Tìm Python 3.11 trở lên, bản 64-bit...
set "PY="
py -3-64 -c "%CHECK%" >nul 2>&1 && set "PY=py -3-64"
if defined PY goto :found
python -c "%CHECK%" >nul 2>&1 && set "PY=python"
if defined PY goto :found
echo.
echo [LỖI] Không tìm thấy Python 3.11 (64-bit) trở lên trên máy này.
echo       Hãy cài Python 3.11 hoặc mới hơn, bản "Windows installer (64-bit)" (xem tài liệu cai-dat.md),
echo       khi cài nhớ đánh dấu "Add python.exe to PATH", rồi bấm đúp lại tệp cai-dat.cmd.
goto :fail

:found
echo       Đã thấy (lệnh %PY%):
%PY% --version

echo [2/4] Tạo môi trường Python riêng tại %VENV% ...
if exist "%VENV%\Scripts\python.exe" goto :venv_ready
%PY% -m venv "%VENV%"
if errorlevel 1 goto :venv_failed
:venv_ready

echo [3/4] Cài evalreport và các gói kèm theo (không cần mạng, có thể mất vài phút)...
"%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%WHEELS%" --disable-pip-version-check --upgrade evalreport
if errorlevel 1 goto :venv_failed
echo.
echo [LỖI] Không tạo được môi trường Python tại %VENV%.
echo       Hãy kiểm tra ổ đĩa còn chỗ trống, hoặc chạy lại với thư mục khác: cai-dat.cmd D:\evalreport\venv
goto :fail

:conf_failed
echo.
echo [LỖI] Không ghi được %USERPROFILE%\.xlwings\xlwings.conf.
echo       Có thể điền đường dẫn %VENV%\Scripts\pythonw.exe vào ô INTERPRETER_WIN của trang xlwings.conf trong bảng điều khiển.
goto :fail

:run_failed
echo.
echo [LỖI] evalreport đã cài nhưng không chạy được.
goto :fail

:pip_failed
rem Cài đè đúng bản evalreport của gói này (kể cả khi số phiên bản không đổi).
for %%W in ("%WHEELS%\evalreport-*.whl") do "%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%WHEELS%" --disable-pip-version-check --force-reinstall --no-deps "%%~fW"
if errorlevel 1 goto :venv_failed
echo.
echo [LỖI] Không tạo được môi trường Python tại %VENV%.
echo       Hãy kiểm tra ổ đĩa còn chỗ trống, hoặc chạy lại với thư mục khác: cai-dat.cmd D:\evalreport\venv
goto :fail

:conf_failed
echo.
echo [LỖI] Không ghi được %USERPROFILE%\.xlwings\xlwings.conf.
echo       Có thể điền đường dẫn %VENV%\Scripts\pythonw.exe vào ô INTERPRETER_WIN của trang xlwings.conf trong bảng điều khiển.
goto :fail

:run_failed
echo.
echo [LỖI] evalreport đã cài nhưng không chạy được.
goto :fail

:pip_failed

echo [4/4] Ghi cấu hình xlwings (Python dùng cho bảng điều khiển Excel)...
"%VENV%\Scripts\python.exe" -m evalreport.install.xlwings_conf
if errorlevel 1 goto :conf_failed
"%VENV%\Scripts\evalreport.exe" --help >nul 2>&1
if errorlevel 1 goto :run_failed

echo.
echo ============================================================
echo   ĐÃ CÀI XONG evalreport.
echo   Bảng điều khiển Excel: %HERE%evalreport.xlsm
echo   Hãy chép tệp này ra nơi làm việc, mở bằng Excel và bấm "Enable Content".
echo ============================================================
pause
exit /b 0

:venv_failed
echo.
echo [LỖI] Không tạo được môi trường Python tại %VENV%.
echo       Hãy kiểm tra ổ đĩa còn chỗ trống, hoặc chạy lại với thư mục khác: cai-dat.cmd D:\evalreport\venv
goto :fail

:conf_failed
echo.
echo [LỖI] Không ghi được %USERPROFILE%\.xlwings\xlwings.conf.
echo       Có thể điền đường dẫn %VENV%\Scripts\pythonw.exe vào ô INTERPRETER_WIN của trang xlwings.conf trong bảng điều khiển.
goto :fail

:run_failed
echo.
echo [LỖI] evalreport đã cài nhưng không chạy được.
goto :fail

:pip_failed
echo.
echo [LỖI] pip không cài được các gói từ thư mục %WHEELS%.
echo       Gói cài đặt này có thể được làm cho máy khác (khác phiên bản Python hoặc không phải Windows 64-bit).
echo       Hãy gửi toàn bộ nội dung cửa sổ này cho bộ phận hỗ trợ.
goto :fail

:fail
echo.
echo CHƯA CÀI ĐẶT XONG. Chụp màn hình cửa sổ này và gửi cho bộ phận hỗ trợ.
pause
exit /b 1
