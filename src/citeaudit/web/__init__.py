"""The editors' web pages: server-rendered, readable without JavaScript.

`router` is included by the API's app factory; everything it serves lives under /web
(plus a redirect from /).
"""

from citeaudit.web.routes import router

__all__ = ["router"]
