# Real file-store servers for the file-store conformance suite (tests/CrmKit.Files.Tests), sourced by test.sh:
#   s3rver 3.7.1 (npm; an S3 emulator, with the namespace patch Minio/AWS clients need) and nginx with the WebDAV
#   modules (Debian nginx-full + libnginx-mod-http-dav-ext). Each runs on 127.0.0.1 on a free port with its data in a
#   throwaway folder, and is stopped by its PID at exit. The tests find them through CRMKIT_TEST_S3 and
#   CRMKIT_TEST_WEBDAV; without those variables they report themselves skipped.
# Needs: node/npm (s3rver), and root for apt when nginx-full is missing. See docs/integrations/files.md.

file_servers_dir=""

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_http() { # url seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  echo "no answer from $1" >&2
  return 1
}

start_s3rver() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is missing: the S3 file-store tests will be skipped" >&2
    return 0
  fi
  local npm_dir="$file_servers_dir/npm" data="$file_servers_dir/s3" port
  mkdir -p "$npm_dir" "$data"
  echo '{"private":true}' >"$npm_dir/package.json"
  if ! (cd "$npm_dir" && npm install --silent --no-audit --no-fund s3rver@3.7.1 >"$file_servers_dir/npm.log" 2>&1); then
    echo "npm install s3rver@3.7.1 failed (see $file_servers_dir/npm.log): the S3 file-store tests will be skipped" >&2
    return 0
  fi
  # REQUIRED: s3rver answers with the namespace http://doc.s3.amazonaws.com/2006-03-01/; real S3 (and the clients'
  # parsers) use http://s3.amazonaws.com/doc/2006-03-01/ (SERVERS.md §2).
  sed -i 's#http://doc.s3.amazonaws.com/2006-03-01/#http://s3.amazonaws.com/doc/2006-03-01/#g' "$npm_dir"/node_modules/s3rver/lib/controllers/*.js
  port=$(free_port)
  nohup node "$npm_dir/node_modules/s3rver/bin/s3rver.js" -d "$data" -a 127.0.0.1 -p "$port" --silent \
    --configure-bucket crmkit-test >"$file_servers_dir/s3rver.log" 2>&1 &
  echo $! >"$file_servers_dir/s3rver.pid"
  wait_http "http://127.0.0.1:$port/" 30 || return 0
  export CRMKIT_TEST_S3="ServiceUrl=http://127.0.0.1:$port;Bucket=crmkit-test;AccessKey=S3RVER;SecretKey=S3RVER;Region=us-east-1"
  echo "s3rver for the tests: 127.0.0.1:$port"
}

start_nginx_dav() {
  if [ ! -f /usr/lib/nginx/modules/ngx_http_dav_ext_module.so ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "nginx-full with the dav-ext module is missing (apt-get install nginx-full libnginx-mod-http-dav-ext): the WebDAV tests will be skipped" >&2
      return 0
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-full libnginx-mod-http-dav-ext >/dev/null
  fi
  local d="$file_servers_dir/dav" port
  mkdir -p "$d/data" "$d/tmp" "$d/logs"
  chmod 777 "$d/data" "$d/tmp" # the workers run as nobody
  port=$(free_port)
  cat >"$d/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;
worker_processes 1;
pid $d/nginx.pid;
error_log $d/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log $d/logs/access.log;
  client_body_temp_path $d/tmp/body; proxy_temp_path $d/tmp/proxy; fastcgi_temp_path $d/tmp/fastcgi;
  uwsgi_temp_path $d/tmp/uwsgi; scgi_temp_path $d/tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $d/data;
    client_max_body_size 0;
    location / {
      dav_methods PUT DELETE MKCOL COPY MOVE;
      dav_ext_methods PROPFIND OPTIONS;
      dav_access user:rw group:rw all:rw;
    }
  }
}
CONF
  if ! nginx -c "$d/nginx.conf" -p "$d" -e "$d/logs/error.log"; then
    echo "nginx did not start (see $d/logs/error.log): the WebDAV file-store tests will be skipped" >&2
    return 0
  fi
  wait_http "http://127.0.0.1:$port/" 30 || return 0
  export CRMKIT_TEST_WEBDAV="http://127.0.0.1:$port/"
  echo "nginx WebDAV for the tests: 127.0.0.1:$port"
}

stop_pidfile() { # file
  [ -f "$1" ] || return 0
  local p i
  p=$(cat "$1")
  kill "$p" 2>/dev/null || true
  # A killed process may stay a zombie until PID 1 reaps it: count state Z as stopped.
  for ((i = 0; i < 50; i++)); do
    case "$(ps -o stat= -p "$p" 2>/dev/null)" in "" | Z*) break ;; esac
    sleep 0.1
  done
  rm -f "$1"
}

stop_file_servers() {
  [ -n "$file_servers_dir" ] || return 0
  stop_pidfile "$file_servers_dir/s3rver.pid"
  if [ -f "$file_servers_dir/dav/nginx.pid" ]; then
    kill -QUIT "$(cat "$file_servers_dir/dav/nginx.pid")" 2>/dev/null || true
    sleep 0.2
  fi
  rm -rf "$file_servers_dir"
}

start_file_servers() {
  file_servers_dir=$(mktemp -d "${TMPDIR:-/tmp}/crmkit-files.XXXXXX")
  chmod 755 "$file_servers_dir"
  if [ -z "${CRMKIT_TEST_S3:-}" ]; then start_s3rver; fi
  if [ -z "${CRMKIT_TEST_WEBDAV:-}" ]; then start_nginx_dav; fi
}
