"""Headers that tell browsers what a page may do, on every answer (errors included)."""

from __future__ import annotations

from flask import Flask, Response

# Scripts only from this site's own files: pages hand data to scripts in JSON blocks
# (type="application/json", never executed), so nothing a literal holds can run. Styles allow
# inline ones because the editor and chart bundles set styles at run time; styles cannot run
# code. frame-ancestors (with X-Frame-Options for older browsers) keeps pages out of frames.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Addresses carry query texts and search words; other sites need not learn them.
    "Referrer-Policy": "no-referrer",
}


def register(app: Flask) -> None:
    @app.after_request
    def add_security_headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
