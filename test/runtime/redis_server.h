// redis_server.h — a throwaway redis-server for the shared memo tier's tests:
// started on a unix socket in a scratch directory with persistence off,
// stopped (SIGKILL, reaped) by the destructor or by kill().
//
//   RedisServer server(dir);
//   if (!server.available()) GTEST_SKIP() << RedisServer::kMissing;
//   std::string url = server.url();   // "unix:///.../redis.sock"
#pragma once

#include "wait_for.h"

#include <hiredis/hiredis.h>

#include <csignal>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

class RedisServer {
public:
  static constexpr const char *kMissing =
      "redis-server is not installed (Debian: apt-get install redis-server); skipping";
  static bool installed() { return access("/usr/bin/redis-server", X_OK) == 0; }

  /// `tcp_port` 0: the unix socket only; else also loopback TCP on that port.
  explicit RedisServer(const std::filesystem::path &dir, int tcp_port = 0)
      : socket_(dir / "redis.sock"), tcp_port_(tcp_port) {
    if (!installed())
      return;
    std::filesystem::create_directories(dir);
    std::filesystem::remove(socket_);
    pid_ = fork();
    if (pid_ == 0) {
      const std::string sock = socket_.string(), d = dir.string(), log = (dir / "redis.log").string();
      const std::string port = std::to_string(tcp_port);
      execl("/usr/bin/redis-server", "redis-server", "--port", port.c_str(), "--bind", "127.0.0.1",
            "--unixsocket", sock.c_str(),
            "--save", "", "--appendonly", "no", "--dir", d.c_str(), "--logfile", log.c_str(),
            static_cast<char *>(nullptr));
      _exit(127);
    }
    // Ready once it answers PING on the socket.
    ready_ = wait_for([&] {
      redisContext *c = redisConnectUnix(socket_.c_str());
      bool ok = false;
      if (c && !c->err) {
        auto *r = static_cast<redisReply *>(redisCommand(c, "PING"));
        ok = r && r->type == REDIS_REPLY_STATUS;
        if (r)
          freeReplyObject(r);
      }
      if (c)
        redisFree(c);
      return ok;
    });
  }
  ~RedisServer() { kill(); }
  RedisServer(const RedisServer &) = delete;
  RedisServer &operator=(const RedisServer &) = delete;

  bool available() const { return pid_ > 0 && ready_; }
  std::string url() const { return "unix://" + socket_.string(); }
  std::string tcp_url() const { return "redis://127.0.0.1:" + std::to_string(tcp_port_); }
  const std::filesystem::path &socket() const { return socket_; }

  /// Kills the server now (as a crash would) and reaps it.
  void kill() {
    if (pid_ <= 0)
      return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  /// Runs one command on a fresh connection; the reply or nullptr.
  redisReply *command(const char *format, ...) const {
    redisContext *c = redisConnectUnix(socket_.c_str());
    if (!c || c->err) {
      if (c)
        redisFree(c);
      return nullptr;
    }
    va_list ap;
    va_start(ap, format);
    auto *r = static_cast<redisReply *>(redisvCommand(c, format, ap));
    va_end(ap);
    redisFree(c);
    return r;
  }

private:
  std::filesystem::path socket_;
  int tcp_port_ = 0;
  pid_t pid_ = -1;
  bool ready_ = false;
};
