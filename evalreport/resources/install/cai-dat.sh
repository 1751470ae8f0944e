#!/bin/sh
# Cài đặt evalreport không cần mạng (Linux, macOS). Chạy: sh cai-dat.sh [THƯ_MỤC_MÔI_TRƯỜNG]
# Mặc định môi trường Python đặt tại ~/.local/share/evalreport/venv. Biến PYTHON chọn Python khác.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
WHEELS="$HERE/wheels"
VENV=${1:-${XDG_DATA_HOME:-$HOME/.local/share}/evalreport/venv}
CHECK='import sys, struct; sys.exit(0 if sys.version_info >= (3, 11) and struct.calcsize("P") == 8 else 1)'

fail() {
    echo ""
    echo "[LỖI] $1"
    echo "CHƯA CÀI ĐẶT XONG. Hãy gửi toàn bộ nội dung trên cho bộ phận hỗ trợ."
    exit 1
}

echo "[1/4] Tìm Python 3.11 trở lên, bản 64-bit..."
PY=""
for candidate in ${PYTHON:-} python3.14 python3.13 python3.12 python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "$CHECK" >/dev/null 2>&1; then
        PY=$candidate
        break
    fi
done
[ -n "$PY" ] || fail "Không tìm thấy Python 3.11 (64-bit) trở lên. Hãy cài Python 3.11 hoặc mới hơn rồi chạy lại."
echo "      Đã thấy Python $("$PY" -c 'import sys; print(sys.version.split()[0])') ($(command -v "$PY"))."

echo "[2/4] Tạo môi trường Python riêng tại $VENV ..."
if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV" || fail "Không tạo được môi trường Python tại $VENV."
fi

echo "[3/4] Cài evalreport và các gói kèm theo (không cần mạng)..."
"$VENV/bin/python" -m pip install --no-index --find-links "$WHEELS" --disable-pip-version-check --upgrade evalreport \
    || fail "pip không cài được các gói từ $WHEELS (gói này có thể được làm cho máy khác)."
for wheel in "$WHEELS"/evalreport-*.whl; do
    "$VENV/bin/python" -m pip install --no-index --find-links "$WHEELS" --disable-pip-version-check \
        --force-reinstall --no-deps --quiet "$wheel" || fail "pip không cài được $wheel."
done

echo "[4/4] Ghi cấu hình xlwings..."
"$VENV/bin/python" -m evalreport.install.xlwings_conf || fail "Không ghi được cấu hình xlwings."
"$VENV/bin/evalreport" --help >/dev/null 2>&1 || fail "evalreport đã cài nhưng không chạy được."

echo ""
echo "ĐÃ CÀI XONG evalreport: $VENV/bin/evalreport"
echo "Bảng điều khiển Excel: $HERE/evalreport.xlsm"
