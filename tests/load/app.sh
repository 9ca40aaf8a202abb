# Sourced by the load scripts (set $port first): builds the app, starts it in Release on its embedded
# database in a temporary folder, waits until it answers (the first start imports the directory and
# builds the matching index), and stops it and removes the folder on exit. Sets $data and $app.
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

data=$(mktemp -d /tmp/twinning-load.XXXXXX)
dotnet build src/Twinning.Web -c Release --verbosity quiet -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$data" Serilog__MinimumLevel__Default=Warning \
  dotnet src/Twinning.Web/bin/Release/net10.0/Twinning.Web.dll --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done
