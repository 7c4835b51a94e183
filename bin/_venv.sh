# Shared by bin/run and bin/test: a project virtualenv, reinstalled only when pyproject.toml changes.
ensure_venv() {
  local extras="$1" stamp=".venv/.installed$1"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".${extras}"
    touch "$stamp"
  fi
}
