"""The command line's own words: help of every command and option, and what the commands print.

Help keys are ``cli:<command path>`` and ``cli:<command path>:<parameter>`` (``cli:opt:<parameter>``
for an option several commands share, ``cli:root`` for ``evalreport --help``); they are applied by
:func:`evalreport.cli.localized.localize_tree`. The vocabulary is docs/glossary.md's (a unit's state
is one of the six names of the domain contract; a period is a "kỳ báo cáo").
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

# The six states of a unit in a period (docs/glossary.md, /work/shared/domain.md), by code.

_HELP: dict[str, dict[str, str]] = {
    "cli:root": {"vi": "Tổng hợp các báo cáo đánh giá theo biểu mẫu chuẩn từ các đơn vị lên cấp trên.",
                 "en": "Consolidate standardized evaluation workbooks up a Party organization hierarchy."},
    # -- options shared by several commands
    "cli:opt:workspace": {"vi": "Thư mục làm việc (mặc định: thư mục hiện tại).",
                          "en": "Workspace folder (default: current folder)."},
    "cli:opt:quiet": {"vi": "Không hiện thanh tiến độ.", "en": "Show no progress bars."},
    "cli:opt:lang": {"vi": "Ngôn ngữ hiển thị: vi (tiếng Việt) hoặc en (tiếng Anh).",
                     "en": "Language of what is shown: vi (Vietnamese) or en (English)."},
    "cli:opt:period": {"vi": "Kỳ báo cáo: 2021, 2025-Q3 hoặc 2025-11.", "en": "Period: 2021, 2025-Q3 or 2025-11."},
    "cli:opt:units": {"vi": "Danh sách đơn vị (.xlsx hoặc .csv).", "en": "Unit list (.xlsx or .csv)."},
    "cli:opt:levels": {"vi": "Các cấp: 'default', 'three_level' hoặc một tệp YAML mô tả cấp.",
                       "en": "Levels: 'default', 'three_level' or a levels YAML file."},
    "cli:opt:form": {"vi": "Mã mẫu báo cáo, ví dụ DG-NAM.", "en": "Form code, e.g. DG-NAM."},
    "cli:opt:root": {"vi": "Đơn vị tổng hợp (mặc định: đơn vị gốc của danh sách).",
                     "en": "Unit to consolidate for (default: the list's root)."},
    "cli:opt:all_levels": {"vi": "Lập thêm báo cáo cho mọi đơn vị có đơn vị trực thuộc.",
                           "en": "Also report for every unit that has units below it."},
    "cli:opt:out": {"vi": "Thư mục ghi kết quả.", "en": "Output folder."},
    "cli:opt:folder": {"vi": "Thư mục chứa các tệp báo cáo đã nhận (.xlsx/.xlsm/.xls/.ods).",
                       "en": "Folder of submitted workbooks (.xlsx/.xlsm/.xls/.ods)."},
    # -- workspace commands
    "cli:init": {"vi": "Tạo thư mục làm việc: evalreport.yaml, don_vi.xlsx, inbox/, outputs/, archive/, ledger.sqlite.",
                 "en": "Create a workspace: evalreport.yaml, don_vi.xlsx, inbox/, outputs/, archive/, ledger.sqlite."},
    "cli:init:folder": {"vi": "Thư mục cần tạo (hoặc bổ sung) thành thư mục làm việc.",
                        "en": "Folder to create (or complete) as a workspace."},
    "cli:init:units": {"vi": "Danh sách đơn vị (.xlsx/.csv) để chép vào.", "en": "Unit list (.xlsx/.csv) to copy in."},
    "cli:init:language": {"vi": "Ngôn ngữ của thư mục làm việc và của lệnh này: vi hoặc en.",
                          "en": "Language of the workspace and of this command: vi or en."},
    "cli:ingest:period": {"vi": "Kỳ báo cáo đang thu: tệp làm thay đổi một kỳ báo cáo khác đã báo cáo được giữ chờ xử lý.",
                          "en": "The period you are collecting: a file that would change another, already reported "
                                "period is held as pending."},
    "cli:ingest": {"vi": "Ghi các tệp mới trong inbox/ vào sổ theo dõi (tệp không đổi thì không đọc lại).",
                   "en": "Record the new files of inbox/ in the ledger (unchanged files are not read again)."},
    "cli:run": {"vi": "Nhận tệp, kiểm tra, tổng hợp và ghi các báo cáo của một kỳ báo cáo.",
                "en": "Ingest, check, consolidate and write the reports of one period."},
    "cli:run:form": {"vi": "Chỉ các mẫu báo cáo này (mặc định: mọi mẫu đã cấu hình).",
                     "en": "Only these forms (default: every configured form)."},
    "cli:status": {"vi": "Tình hình nộp báo cáo của một kỳ: đã nộp, có lỗi, chưa nộp, nộp muộn so với hạn nộp.",
                   "en": "Completeness of a period: received, with errors, missing, late against the deadline."},
    "cli:status:problems": {"vi": "Chỉ các dòng cần xử lý.", "en": "Only rows that need action."},
    "cli:history": {"vi": "Mọi phiên bản tệp một đơn vị đã nộp, đánh dấu phiên bản hiện hành và tệp chờ xử lý; "
                          "các lần chốt số liệu, mở lại, duyệt và chấp nhận tệp.",
                    "en": "Every version of a unit's submitted files, current and pending ones marked, and the "
                          "recorded closings, reopenings, approvals and admissions."},
    # -- decisions on a period (cli/period.py)
    "cli:close": {"vi": "Chốt số liệu một kỳ báo cáo: số liệu và kết quả tổng hợp được giữ nguyên; tệp đến sau "
                        "được giữ chờ xử lý.",
                  "en": "Close a period: its figures and outputs are frozen; later files are held as pending."},
    "cli:reopen": {"vi": "Mở lại kỳ báo cáo đã chốt (phải ghi lý do) và đưa các tệp chờ xử lý của kỳ vào tổng hợp.",
                   "en": "Reopen a closed period (a reason is required) and let its pending files in."},
    "cli:approve": {"vi": "Duyệt báo cáo hiện hành của đơn vị: tệp mới hơn được giữ chờ xử lý cho đến khi rút lại "
                          "việc duyệt.",
                    "en": "Approve the units' current reports: a newer file is held until the approval is withdrawn."},
    "cli:approve:withdraw": {"vi": "Rút lại việc duyệt và đưa tệp chờ xử lý vào tổng hợp.",
                             "en": "Withdraw the approval and let pending files in."},
    "cli:approve:units": {"vi": "Mã các đơn vị.", "en": "Unit codes."},
    "cli:approve:form": {"vi": "Mẫu báo cáo (mặc định: mẫu đầu tiên của kỳ báo cáo).",
                         "en": "Form (default: the period's first form)."},
    "cli:admit": {"vi": "Chấp nhận tệp chờ xử lý (tệp của kỳ báo cáo khác): tính vào kỳ báo cáo mà tệp báo cáo.",
                  "en": "Admit a pending file (of another period): count it in the period it reports."},
    "cli:admit:file": {"vi": "Số hiệu tệp trong sổ theo dõi, tên tệp, đường dẫn trong inbox hoặc đầu mã SHA-256.",
                       "en": "The file's ledger id, name, inbox path or SHA-256 prefix."},
    "cli:opt:reason": {"vi": "Lý do (được ghi vào sổ theo dõi).", "en": "Reason (recorded in the ledger)."},
    "cli:history:unit": {"vi": "Mã đơn vị (bỏ trống khi có --period: các việc đã làm trong kỳ báo cáo).",
                         "en": "Unit code (omit with --period: the period's events)."},
    "cli:history:form": {"vi": "Chỉ mẫu báo cáo này.", "en": "Only this form."},
    "cli:history:period": {"vi": "Chỉ kỳ báo cáo này.", "en": "Only this period."},
    # -- check, consolidate, report
    "cli:check": {"vi": "Đọc và kiểm tra mọi tệp trong FOLDER; liệt kê các phát hiện.",
                  "en": "Read and check every workbook in FOLDER; list the findings."},
    "cli:check:units": {"vi": "Danh sách đơn vị (để kiểm tra đơn vị và đơn vị trực thuộc).",
                        "en": "Unit list (checks units and the units below them)."},
    "cli:check:period": {"vi": "Kỳ báo cáo cần có: 2021, 2025-Q3, 2025-11.",
                         "en": "Expected period: 2021, 2025-Q3, 2025-11."},
    "cli:check:form": {"vi": "Mã mẫu báo cáo cần có, ví dụ DG-NAM.", "en": "Expected form code, e.g. DG-NAM."},
    "cli:check:out": {"vi": "Ghi thêm các phát hiện ra tệp .xlsx hoặc .csv.",
                      "en": "Also write the findings to .xlsx or .csv."},
    "cli:consolidate": {"vi": "Kiểm tra và tổng hợp FOLDER cho đơn vị gốc; in tổng số và tỷ lệ.",
                        "en": "Check and consolidate FOLDER for the root unit; print the totals and shares."},
    "cli:consolidate:out": {"vi": "Ghi thêm các phát hiện ra tệp .xlsx hoặc .csv.",
                            "en": "Also write the findings to .xlsx or .csv."},
    "cli:report": {"vi": "Ghi bảng tổng hợp và báo cáo (Word) cho đơn vị gốc và, khi yêu cầu, cho mọi cấp.",
                   "en": "Write the summary workbook and the narrative report (Word) for the root and, "
                         "on request, every level."},
    "cli:report:root": {"vi": "Đơn vị lập báo cáo (mặc định: đơn vị gốc của danh sách).",
                        "en": "Unit to report on (default: the list's root)."},
    "cli:report:all_levels": {"vi": "Lập thêm báo cáo cho mọi đơn vị cấp dưới có đơn vị trực thuộc.",
                              "en": "Also every unit below the root that has units below it."},
    "cli:report:pdf": {"vi": "Ghi thêm bản PDF (cần LibreOffice).", "en": "Also PDF copies (needs LibreOffice)."},
    "cli:report:template": {"vi": "Mẫu văn bản báo cáo (.docx có thẻ).", "en": "Narrative template (.docx with tags)."},
    "cli:report:previous": {"vi": "Thư mục các tệp của kỳ báo cáo trước.",
                            "en": "Folder of the previous period's workbooks."},
    "cli:report:place": {"vi": "Địa danh ở đầu văn bản, ví dụ 'Gia Lai'.", "en": "Place in the header, e.g. 'Gia Lai'."},
    "cli:report:number": {"vi": "Số văn bản: '12' in thành 'Số 12-BC/TU' (ký hiệu theo cấp).",
                          "en": "Document number: '12' prints 'Số 12-BC/TU' (the symbol follows the level)."},
    "cli:report:signer": {"vi": "Họ tên người ký, ví dụ 'Nguyễn Văn A'.", "en": "Name of the signer, e.g. 'Nguyễn Văn A'."},
    "cli:report:signer_title": {"vi": "Chức vụ người ký (mặc định: Bí thư).", "en": "Signer's title (default: Bí thư)."},
    "cli:report:date": {"vi": "Ngày văn bản: 07/01/2026, 7/1/2026 hoặc 2026-01-07 (mặc định: hôm nay).",
                        "en": "Date of the report: 07/01/2026, 7/1/2026 or 2026-01-07 (default: today)."},
    # -- template
    "cli:template": {"vi": "Ghi các biểu mẫu để đơn vị điền số liệu.", "en": "Write fill-in templates for units."},
    "cli:template:make": {"vi": "Ghi mỗi đơn vị một biểu mẫu: <MẪU>_<kỳ>_<mã>.xlsx.",
                          "en": "Write one template per unit: <FORM>_<period>_<code>.xlsx."},
    "cli:template:make:form": {"vi": "Mã mẫu báo cáo, ví dụ DG-NAM, hoặc một tệp YAML mô tả mẫu.",
                               "en": "Form code, e.g. DG-NAM, or a form YAML file."},
    "cli:template:make:units": {"vi": "Danh sách đơn vị (.xlsx hoặc .csv: ma_don_vi, ten_don_vi, cap, ma_cap_tren).",
                                "en": "Unit list (.xlsx or .csv: ma_don_vi, ten_don_vi, cap, ma_cap_tren)."},
    "cli:template:make:under": {"vi": "Chỉ các đơn vị trực thuộc đơn vị này (với --level: mọi đơn vị cấp đó bên dưới).",
                                "en": "Only the units directly below this unit (with --level: every unit of "
                                      "that level below it)."},
    "cli:template:make:level": {"vi": "Chỉ các đơn vị của cấp này, ví dụ chi_bo.",
                                "en": "Only units of this level, e.g. chi_bo."},
    "cli:template:make:out": {"vi": "Thư mục ghi (mặc định: bieu_mau_<MẪU>_<kỳ>).",
                              "en": "Output folder (default: bieu_mau_<FORM>_<period>)."},
    "cli:template:make:deadline": {"vi": "Hạn nộp ghi trong hướng dẫn, ví dụ 15/12/2025.",
                                   "en": "Deadline stated in the instructions, e.g. 15/12/2025."},
    "cli:template:blank": {"vi": "Ghi biểu mẫu trống của mọi mẫu báo cáo có sẵn (<MẪU>.xlsx).",
                           "en": "Write the blank template of every shipped form (<FORM>.xlsx)."},
    # -- demo, bundle
    "cli:demo": {"vi": "Tạo một tỉnh giả lập có cài sẵn vài lỗi và chạy mọi kỳ báo cáo trên đó.",
                 "en": "Generate a synthetic province with a few planted problems and run every period on it."},
    "cli:demo:folder": {"vi": "Thư mục tạo thư mục làm việc mẫu.", "en": "Folder to create the demo workspace in."},
    "cli:demo:size": {"vi": "Quy mô: tiny, small hoặc province.", "en": "Size: tiny, small or province."},
    "cli:demo:seed": {"vi": "Hạt giống ngẫu nhiên (cùng hạt giống cho cùng một tỉnh).",
                      "en": "Random seed (the same seed gives the same province)."},
    "cli:demo:workers": {"vi": "Số tiến trình ghi và đọc tệp.", "en": "Processes for writing and reading workbooks."},
    "cli:bundle": {"vi": "Ghi bộ cài đặt ngoại tuyến: mọi gói cho máy đích, bảng điều khiển Excel, tệp lệnh cài đặt.",
                   "en": "Write an offline install: every wheel for the target, the Excel panel, install scripts."},
    "cli:bundle:out": {"vi": "Thư mục cần tạo; tệp OUT.zip được ghi bên cạnh.",
                       "en": "Folder to create; OUT.zip is written beside it."},
    "cli:bundle:platform": {"vi": "Nền tảng của máy đích, ví dụ win_amd64 (mặc định: máy này).",
                            "en": "Wheel platform tag of the target, e.g. win_amd64 (default: this machine)."},
    "cli:bundle:python_version": {"vi": "Phiên bản Python của máy đích, ví dụ 3.11.",
                                  "en": "Python version of the target, e.g. 3.11."},
    "cli:bundle:source": {"vi": "Mã nguồn evalreport (thư mục có pyproject.toml).",
                          "en": "evalreport's source tree (its pyproject.toml)."},
    "cli:bundle:workbook": {"vi": "Tệp bảng điều khiển Excel (mặc định: SOURCE/workbooks/evalreport.xlsm).",
                            "en": "The panel workbook (default: SOURCE/workbooks/evalreport.xlsm)."},
}

_SHOWN: dict[str, dict[str, str]] = {
    # -- the six states of a unit in a period
    "CLI_FILE_UNREADABLE": {"vi": "Không đọc được", "en": "Unreadable"},
    # -- usage errors
    "CLI_ERROR": {"vi": "Lỗi:", "en": "Error:"},
    "CLI_LANG_INVALID": {"vi": "--lang phải là vi hoặc en, không phải {value!r}",
                         "en": "--lang must be vi or en, not {value!r}"},
    "CLI_FILE_NOT_FOUND": {"vi": "{option}: không tìm thấy tệp {path}", "en": "{option}: file not found: {path}"},
    # -- progress
    "CLI_STAGE_SCAN": {"vi": "Quét hộp thư đến", "en": "Scanning the inbox"},
    "CLI_STAGE_INGEST": {"vi": "Đọc tệp mới", "en": "Reading new files"},
    "CLI_STAGE_GENERATE": {"vi": "Tạo dữ liệu mẫu", "en": "Generating files"},
    "CLI_STAGE_TEMPLATES": {"vi": "Tạo biểu mẫu", "en": "Writing templates"},
    # -- findings table
    "CLI_COL_SEVERITY": {"vi": "Mức", "en": "Severity"},
    "CLI_COL_UNIT": {"vi": "Đơn vị", "en": "Unit"},
    "CLI_COL_NAME": {"vi": "Tên đơn vị", "en": "Name"},
    "CLI_COL_WHERE": {"vi": "Tệp › ô", "en": "File › cell"},
    "CLI_COL_MESSAGE": {"vi": "Nội dung", "en": "Message"},
    "CLI_MORE_ROWS": {"vi": "… và {n:count} dòng khác", "en": "… {n} more"},
    "CLI_SEVERITY_ERROR": {"vi": "lỗi", "en": "error"},
    "CLI_SEVERITY_WARNING": {"vi": "cảnh báo", "en": "warning"},
    "CLI_SEVERITY_INFO": {"vi": "thông tin", "en": "info"},
    "CLI_FINDINGS_TITLE": {"vi": "Phát hiện", "en": "Findings"},
    # -- init
    "CLI_INIT_READY": {"vi": "Đã tạo thư mục làm việc:", "en": "Workspace ready:"},
    "CLI_INIT_NEXT": {"vi": "  hãy sửa {config} và danh sách đơn vị, chép các tệp đã nhận vào {inbox} rồi chạy: "
                            "evalreport run -w {folder} --period <KỲ>",
                      "en": "  edit {config} and the unit list, then put received files in {inbox} and run: "
                            "evalreport run -w {folder} --period <PERIOD>"},
    # -- ingest
    "CLI_INGEST_SUMMARY": {"vi": "tệp mới {new:number}, bản sửa {version:number}, {held}trùng {duplicate:number}, "
                                 "không đọc được {unreadable:number}, không đổi {unchanged:number}",
                           "en": "new {new:number}, corrected versions {version:number}, {held}duplicates "
                                 "{duplicate:number}, unreadable {unreadable:number}, unchanged {unchanged:number}"},
    "CLI_INGEST_HELD": {"vi": "chờ xử lý {n:number}, ", "en": "pending {n:number}, "},
    # -- run
    "CLI_RUN_HEAD": {"vi": "{covered:number}/{expected:number} đơn vị có số liệu, chưa nộp {missing:number}",
                     "en": "{covered:number}/{expected:number} units with data, missing {missing:number}"},
    "CLI_RUN_UPDATED": {"vi": "  (lần tổng hợp này chỉ cập nhật {n:number} đơn vị có thay đổi; bộ nhớ đệm ở cache/)",
                        "en": "  (this consolidation updated {n:number} changed unit(s); cache/ in the workspace)"},
    "CLI_OUTPUTS": {"vi": "Kết quả: {folder}", "en": "Outputs: {folder}"},
    "CLI_RUN_BLOCKED": {"vi": "{n:number} đơn vị chưa được tổng hợp vì tệp có lỗi:",
                        "en": "{n:number} unit(s) kept out of the totals by errors:"},
    # -- status
    "CLI_COL_FORM": {"vi": "Mẫu", "en": "Form"},
    "CLI_COL_STATE": {"vi": "Trạng thái", "en": "State"},
    "CLI_COL_LATE": {"vi": "Nộp muộn", "en": "Late"},
    "CLI_COL_FILE": {"vi": "Tệp", "en": "File"},
    "CLI_COL_VERSION": {"vi": "Phiên bản", "en": "Version"},
    "CLI_COL_RECEIVED": {"vi": "Nhận lúc", "en": "Received at"},
    "CLI_COL_ERRORS": {"vi": "Lỗi", "en": "Errors"},
    "CLI_COL_WARNINGS": {"vi": "Cảnh báo", "en": "Warnings"},
    "CLI_COL_PERIOD": {"vi": "Kỳ báo cáo", "en": "Period"},
    "CLI_COL_CURRENT": {"vi": "Phiên bản hiện hành", "en": "Current version"},
    "CLI_STATUS_SUMMARY": {"vi": "{period}: phải nộp {expected:number}, đã nộp hợp lệ {accepted:number}, "
                                 "có lỗi {rejected:number}, chưa nộp {missing:number},{extra} nộp muộn {late:number}",
                           "en": "{period}: expected {expected:number}, received {accepted:number}, "
                                 "with errors {rejected:number}, missing {missing:number},{extra} late {late:number}"},
    "CLI_STATUS_APPROVED": {"vi": " đã duyệt {n:number},", "en": " approved {n:number},"},
    "CLI_STATUS_PENDING": {"vi": " chờ xử lý {n:number},", "en": " pending {n:number},"},
    "CLI_STATUS_DEADLINE": {"vi": " (hạn nộp {deadline})", "en": " (deadline {deadline})"},
    # -- history
    "CLI_HISTORY_CURRENT": {"vi": "có", "en": "yes"},
    "CLI_HISTORY_REPLACED": {"vi": "không, thay bằng phiên bản {version}", "en": "no, replaced by version {version}"},
    "CLI_HISTORY_NOT_CURRENT": {"vi": "không", "en": "no"},
    "CLI_HISTORY_NEEDS": {"vi": "history: hãy ghi mã đơn vị hoặc --period", "en": "history: give a unit code or --period"},
    "CLI_EVENTS_TITLE": {"vi": "Chốt số liệu, duyệt", "en": "Closing, approvals"},
    "CLI_EVENTS_NONE": {"vi": "Kỳ báo cáo {period} chưa có lần chốt số liệu, duyệt hay chấp nhận tệp nào.",
                        "en": "No closing, approval or admission recorded for {period}."},
    "CLI_COL_TIME": {"vi": "Thời điểm", "en": "Time"},
    "CLI_COL_EVENT": {"vi": "Việc", "en": "Event"},
    "CLI_COL_USER": {"vi": "Người thực hiện", "en": "User"},
    "CLI_COL_REASON": {"vi": "Lý do", "en": "Reason"},
    "CLI_EVENT_CLOSE": {"vi": "chốt số liệu", "en": "closed"},
    "CLI_EVENT_REOPEN": {"vi": "mở lại kỳ", "en": "reopened"},
    "CLI_EVENT_APPROVE": {"vi": "duyệt", "en": "approved"},
    "CLI_EVENT_WITHDRAW": {"vi": "rút lại duyệt", "en": "approval withdrawn"},
    "CLI_EVENT_ADMIT": {"vi": "chấp nhận tệp chờ xử lý", "en": "pending file admitted"},
    "CLI_HISTORY_NONE": {"vi": "Đơn vị {unit} chưa nộp tệp nào.", "en": "No files received for {unit}."},
    # -- folder commands (check, consolidate, report, template)
    "CLI_FOLDER_NOT_FOUND": {"vi": "không tìm thấy thư mục: {path}", "en": "folder not found: {path}"},
    "CLI_PREVIOUS_NOT_FOUND": {"vi": "không tìm thấy thư mục kỳ báo cáo trước: {path}",
                               "en": "previous period's folder not found: {path}"},
    "CLI_UNITS_NOT_FOUND": {"vi": "không tìm thấy danh sách đơn vị: {path}", "en": "unit list not found: {path}"},
    "CLI_TEMPLATE_NOT_FOUND": {"vi": "không tìm thấy mẫu văn bản: {path}", "en": "template not found: {path}"},
    "CLI_OUT_SUFFIX": {"vi": "--out phải có đuôi .xlsx hoặc .csv, không phải {name}",
                       "en": "--out must end in .xlsx or .csv, not {name}"},
    "CLI_FORM_PERIOD_KIND": {"vi": "mẫu báo cáo {form} lập theo {kinds}, không theo {kind}",
                             "en": "form {form} is reported per {kinds}, not per {kind}"},
    "CLI_KIND_YEAR": {"vi": "năm", "en": "year"},
    "CLI_KIND_QUARTER": {"vi": "quý", "en": "quarter"},
    "CLI_KIND_MONTH": {"vi": "tháng", "en": "month"},
    "CLI_NO_SUCH_UNIT": {"vi": "{option} {unit}: không có đơn vị này trong {list}",
                         "en": "{option} {unit}: no such unit in {list}"},
    "CLI_LEVELS_INVALID": {"vi": "các cấp '{levels}': {error}", "en": "levels '{levels}': {error}"},
    "CLI_LEVEL_UNKNOWN": {"vi": "--level {level}: các cấp là {levels}", "en": "--level {level}: levels are {levels}"},
    "CLI_UNITS_BROKEN": {"vi": "Danh sách đơn vị có lỗi; hãy sửa rồi chạy lại.",
                         "en": "The unit list has errors; fix it and run again."},
    "CLI_UNITS_TITLE": {"vi": "Danh sách đơn vị: {name}", "en": "Unit list: {name}"},
    "CLI_COL_PROBLEM": {"vi": "Vấn đề", "en": "Problem"},
    "CLI_COL_LEVEL": {"vi": "Cấp", "en": "Level"},
    "CLI_COL_FILES": {"vi": "Số tệp", "en": "Files"},
    "CLI_ROW": {"vi": "dòng {row}", "en": "row {row}"},
    "CLI_TEMPLATES_WRITING": {"vi": "Đang tạo {n:number} biểu mẫu…", "en": "Writing {n:number} templates…"},
    "CLI_TEMPLATES_WRITTEN": {"vi": "Đã ghi {n:number} tệp vào {folder}", "en": "{n:number} files written to {folder}"},
    # -- demo
    "CLI_DEMO_HEAD": {"vi": "Tỉnh giả lập ({size}: {districts:number} huyện, {wards:number} xã, {cells:number} chi bộ): "
                            "đã ghi {files:number} tệp vào {inbox}",
                      "en": "Demo province ({size}: {districts:number} districts, {wards:number} wards, "
                            "{cells:number} cells): {files:number} workbooks written to {inbox}"},
    "CLI_DEMO_REORG": {"vi": "Từ 01/01/{year}: {old1} và {old2} hợp nhất thành {merged}; thành lập mới {founded} "
                              "(báo cáo năm {year} so sánh với năm trước theo đơn vị hành chính mới)",
                       "en": "From 01/01/{year}: {old1} and {old2} merged into {merged}; {founded} founded "
                             "(the {year} report compares with the year before in terms of the current units)"},
    "CLI_DEMO_PERIOD": {"vi": "  {form} {period}: {label} = {value:number}, chưa nộp {missing:number}, "
                              "phát hiện {findings:number} → {folder}",
                        "en": "  {form} {period}: {label} = {value:number}, missing {missing:number}, "
                              "findings {findings:number} → {folder}"},
    "CLI_DEMO_TABLE": {"vi": "Các lỗi cài sẵn và cách lần chạy đã báo", "en": "Planted problems and what the run reported"},
    "CLI_COL_PLANTED": {"vi": "Lỗi cài sẵn", "en": "Problem"},
    "CLI_COL_REPORTED": {"vi": "Đã báo là", "en": "Reported as"},
    "CLI_DEMO_NOT_DETECTED": {"vi": "KHÔNG PHÁT HIỆN", "en": "NOT DETECTED"},
    "CLI_DEMO_SEEN_MISSING": {"vi": "tình hình nộp: Chưa nộp", "en": "completeness: missing"},
    "CLI_DEMO_SEEN_LATE": {"vi": "tình trạng: Nộp muộn", "en": "status: late"},
    "DEMO_NOT_DEMO_FOLDER": {"vi": "{folder} đã có và không phải là thư mục demo; hãy chọn thư mục trống hoặc mới",
                             "en": "{folder} exists and is not a demo folder; choose an empty or new folder"},
    "DEMO_SIZE_UNKNOWN": {"vi": "không có cỡ '{size}'; hãy chọn một trong {sizes}",
                          "en": "unknown size '{size}'; choose one of {sizes}"},
    "CLI_DEMO_DIRECT": {"vi": "Phát hiện trên các tệp cài lỗi", "en": "Findings on the planted files"},
    "CLI_DEMO_CONSEQUENCES": {"vi": "{n:number} phát hiện khác là hệ quả ở cấp trên (đối chiếu số tự báo của cấp trên, "
                                    "thay đổi so với năm trước); mọi phát hiện có trong tệp *_phat_hien.xlsx của mỗi kỳ.",
                              "en": "{n:number} further findings are consequences upward (reconciliation of the "
                                    "parents' own totals, changes against last year); all findings are in each "
                                    "period's *_phat_hien.xlsx."},
    "CLI_DEMO_UNEXPLAINED": {"vi": "Phát hiện không do lỗi cài sẵn nào gây ra", "en": "Findings no planted problem explains"},
    "CLI_DEMO_DONE": {"vi": "Kết quả: {folder}  (xong sau {seconds} giây)", "en": "Outputs: {folder}  (done in {seconds} s)"},
    "CLI_DEMO_NEXT": {"vi": "Tiếp theo: {commands}", "en": "Next: {commands}"},
    "CLI_PLANTED_SUM_MISMATCH": {"vi": "tổng không khớp", "en": "a total that does not add up"},
    "CLI_PLANTED_TEXT_IN_NUMBER": {"vi": "chữ trong ô số", "en": "text in a number cell"},
    "CLI_PLANTED_DUPLICATE": {"vi": "gửi trùng", "en": "the same file twice"},
    "CLI_PLANTED_CORRECTED": {"vi": "gửi lại bản sửa", "en": "a corrected file"},
    "CLI_PLANTED_MISSING": {"vi": "chưa nộp", "en": "a unit that sent nothing"},
    "CLI_PLANTED_LATE": {"vi": "nộp muộn", "en": "sent after the deadline"},
    "CLI_PLANTED_CONTINUITY": {"vi": "đầu kỳ ≠ cuối kỳ trước", "en": "opening ≠ last closing"},
}

MESSAGES: dict[str, dict[str, str]] = {**_HELP, **_SHOWN}
