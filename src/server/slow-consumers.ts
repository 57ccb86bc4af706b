import type { WebSocket, WebSocketServer } from "ws";

/**
 * The close code of a connection whose client stopped taking what it was sent (documented in the
 * README's table of close codes), as HTTP's 413: more is waiting for it than the server holds.
 */
export const SLOW_CONSUMER_CLOSE_CODE = 4413;

type SendCallback = (err?: Error) => void;

/**
 * Each subscription waits until its last message is written out before it reads on (graphql-ws
 * awaits every send), so what a connection holds for a client that reads nothing is bounded by
 * the socket's buffers. A message still waiting after `slowMs` tells `slow`, once per connection,
 * which closes it rather than holding its subscriptions open for ever.
 */
export function watchSlowConsumers(wsServer: WebSocketServer, slowMs: number, slow: (socket: WebSocket) => void): void {
  wsServer.on("connection", (socket: WebSocket) => {
    const send = socket.send.bind(socket) as (data: string, cb?: SendCallback) => void;
    const timedSend = (data: string, cb?: SendCallback) => {
      const waiting = setTimeout(() => {
        if (socket.readyState === socket.OPEN) slow(socket);
      }, slowMs);
      send(data, (err) => {
        clearTimeout(waiting);
        cb?.(err);
      });
    };
    socket.send = timedSend as WebSocket["send"];
  });
}
