"""Messages of the files an officer or a form's author edits by hand (``evalreport.yaml``, the
form definitions, the level configuration), in Vietnamese and English.

Raised as :class:`~evalreport.model.worded_error.WordedError` keys by ``store/config.py``,
``form/definition.py`` and ``form/yaml_loading.py``; each problem names the key it concerns."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "CONFIG_NOT_WORKSPACE": {
        "vi": "{path}: đây không phải là thư mục làm việc của evalreport (không có {name}); "
              "hãy tạo bằng lệnh 'evalreport init {folder}'",
        "en": "{path}: not an evalreport workspace (no {name}); create one with 'evalreport init {folder}'",
    },
    "CONFIG_PROBLEMS": {"vi": "{problems:lines}", "en": "{problems:lines}"},
    "CONFIG_KEY_PROBLEM": {"vi": "{file}: khóa '{setting}': {problem}", "en": "{file}: key '{setting}': {problem}"},
    "CONFIG_EXPECTED_MAPPING": {
        "vi": "cần có các khóa như 'root:' và 'units:' ở đầu dòng",
        "en": "expected keys such as 'root:' and 'units:' at the top level",
    },
    "YAML_INVALID": {"vi": "{file}: không đúng cú pháp YAML: {detail}", "en": "{file}: not valid YAML: {detail}"},
    "YAML_NOT_MAPPING": {"vi": "{file}: {expected}", "en": "{file}: {expected}"},
    # pydantic's checks of the file's shape
    "CONFIG_MISSING": {"vi": "thiếu khóa bắt buộc", "en": "this key is required"},
    "CONFIG_UNKNOWN_KEY": {"vi": "khóa không được hỗ trợ (kiểm tra chính tả)",
                           "en": "unknown key (check its spelling)"},
    "CONFIG_NOT_ONE_OF": {"vi": "giá trị phải là một trong {expected}", "en": "the value must be one of {expected}"},
    "CONFIG_TOO_SMALL": {"vi": "giá trị phải từ {limit} trở lên", "en": "the value must be at least {limit}"},
    "CONFIG_TOO_LARGE": {"vi": "giá trị không được lớn hơn {limit}", "en": "the value must be at most {limit}"},
    "CONFIG_EMPTY": {"vi": "danh sách không được để trống", "en": "the list must not be empty"},
    "CONFIG_NOT_NUMBER": {"vi": "giá trị phải là một số", "en": "the value must be a number"},
    "CONFIG_NOT_YES_NO": {"vi": "giá trị phải là true hoặc false", "en": "the value must be true or false"},
    "CONFIG_NOT_TEXT": {"vi": "giá trị phải là chữ", "en": "the value must be text"},
    "CONFIG_NOT_LIST": {"vi": "giá trị phải là một danh sách [..]", "en": "the value must be a list [..]"},
    "CONFIG_NOT_MAPPING": {"vi": "giá trị phải gồm các khóa con {{..}}", "en": "the value must hold keys {{..}}"},
    "CONFIG_INVALID": {"vi": "giá trị không hợp lệ ({detail})", "en": "{detail}"},
    # checks of the values
    "CONFIG_DEADLINE_ANCHOR": {
        "vi": "ghi đúng một trong hai: 'month' (tháng cố định trong năm của kỳ) hoặc 'months_after'",
        "en": "give exactly one of 'month' (a fixed month of the period's year) or 'months_after'",
    },
    "CONFIG_LIMITS_UNKNOWN": {"vi": "không có giới hạn {names}; các giới hạn có: {known}",
                              "en": "unknown limit(s) {names}; known: {known}"},
    "CONFIG_LIMITS_POSITIVE": {"vi": "mọi giới hạn phải là số dương", "en": "every limit must be a positive number"},
    "CONFIG_PARAMS_FORM_NOT_LISTED": {"vi": "biểu mẫu '{form}' không có trong 'forms'",
                                      "en": "form '{form}' is not in 'forms'"},
    "CONFIG_WITH_KNOWN": {"vi": "{problem} (các tham số có: {known})", "en": "{problem} (known: {known})"},
    "CONFIG_AS_IS": {"vi": "{problem}", "en": "{problem}"},
    "CONFIG_LEVELS_BAD": {"vi": "không đọc được cấu hình cấp '{levels}': {detail}",
                          "en": "cannot load level configuration '{levels}': {detail}"},
    "CONFIG_UNITS_NOT_FOUND": {"vi": "không tìm thấy danh sách đơn vị '{units}' trong {folder}",
                               "en": "unit list '{units}' not found in {folder}"},
    "CONFIG_UNITS_ERRORS": {"vi": "danh sách đơn vị '{units}' có {count} lỗi: {detail:list}",
                            "en": "the unit list '{units}' has {count} error(s): {detail:list}"},
    "CONFIG_UNIT_NOT_LISTED": {"vi": "đơn vị '{unit}' không có trong danh sách đơn vị '{units}'",
                               "en": "unit '{unit}' is not in the unit list '{units}'"},
    # form definitions
    # FORM_UNKNOWN: the reader's message (reader_messages.py)
    "FORM_FILE_NOT_FOUND": {"vi": "{path}: không tìm thấy tệp định nghĩa biểu mẫu",
                            "en": "{path}: form definition file not found"},
    "FORM_EXPECTED_MAPPING": {"vi": "cần một bảng khóa ở cấp đầu", "en": "expected a mapping at the top level"},
    "FORM_INVALID": {"vi": "{path}: định nghĩa biểu mẫu không hợp lệ:\n  {detail:indented_lines}",
                     "en": "{path}: invalid form definition:\n  {detail:indented_lines}"},
    # one problem of a form definition: where (a YAML path, or an entry below) and what
    "FORM_PROBLEM_AT": {"vi": "{where}: {problem}", "en": "{where}: {problem}"},
    "FORM_PROBLEMS": {"vi": "{problems:list}", "en": "{problems:list}"},
    "FORM_AT_DERIVED": {"vi": "chỉ tiêu dẫn xuất '{code}'", "en": "derived field '{code}'"},
    "FORM_AT_SHARE": {"vi": "tỷ lệ '{code}'", "en": "share '{code}'"},
    "FORM_AT_RULE": {"vi": "quy tắc '{code}'", "en": "rule '{code}'"},
    "FORM_AT_ORG_DERIVED": {"vi": "số đo dẫn xuất '{code}' (organizations)", "en": "organizations derived '{code}'"},
    "FORM_AT_ORG_SHARE": {"vi": "tỷ lệ '{code}' (organizations)", "en": "organizations share '{code}'"},
    "FORM_UNKNOWN_NAME": {"vi": "{where}: không có chỉ tiêu hay tham số '{name}'",
                          "en": "{where}: unknown field or parameter '{name}'"},
    # the expressions of a form definition (form/expressions.py ExpressionError)
    "EXPR_EMPTY_EXPRESSION": {"vi": "biểu thức trống", "en": "empty expression"},
    "EXPR_EMPTY_CHECK": {"vi": "điều kiện kiểm tra trống", "en": "empty check"},
    "EXPR_NOT_ALLOWED": {
        "vi": "'{text}': không được dùng {node} (chỉ được dùng mã chỉ tiêu, số, + - * / và dấu ngoặc)",
        "en": "'{text}': {node} is not allowed (only field codes, numbers, + - * / and parentheses)",
    },
    "EXPR_SYNTAX": {"vi": "'{text}': sai cú pháp ({reason})", "en": "'{text}': syntax error ({reason})"},
    "EXPR_ONE_COMPARISON": {
        "vi": "'{text}': điều kiện kiểm tra phải là đúng một phép so sánh, ví dụ 'a == b + c'",
        "en": "'{text}': a check must be one comparison such as 'a == b + c'",
    },
    "EXPR_CANNOT_EVALUATE": {"vi": "không tính được {node}", "en": "cannot evaluate {node}"},
    "FORM_PARAMS_UNKNOWN": {"vi": "{form}: không có tham số {names}", "en": "{form}: unknown parameter(s) {names}"},
}
