// Preloaded into the AutoRest test server (node -r): its CLI has no host option and express listens
// on every interface, so every listen() without a host is pinned to 127.0.0.1.
"use strict";
const net = require("node:net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    args.splice(1, 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
