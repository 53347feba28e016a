"""The room: phones join by QR code, vote in secret, propose goals and answer the 5 Whys.

No Qt here: the GUI (`gui/features/room/`) drives it. `state.Room` is the shared state
(phones, the voting round, the moderation queue, the 5 Whys question), `server.RoomServer`
serves it on the local network with aiohttp from its own thread, `handlers` is the HTTP
API and `qr` the join code. `check`, `upgrade` and the PDF `export` never import this
package (a contract and a test say so).
"""
