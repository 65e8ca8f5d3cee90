# Run by test/launchers/qtwebkit.js: `/usr/bin/python3 qtwebkit-driver.py URL`, with QT_QPA_PLATFORM=offscreen.
# Opens URL in a QtWebKit 5.212 QWebPage (Debian's python3-pyqt5.qtwebkit) and stays until Karma kills it. Page
# console messages and errors, dialogs, and failed loads are printed on stdout with a prefix, which the launcher
# forwards to Karma's log (the same prefixes as test/launchers/phantomjs-capture.js).
import signal
import sys

from PyQt5.QtCore import QSize, QUrl, pyqtSlot
from PyQt5.QtNetwork import QNetworkReply
from PyQt5.QtWebKit import QWebSettings
from PyQt5.QtWebKitWidgets import QWebPage
from PyQt5.QtWidgets import QApplication


def out(line):
    sys.stdout.write(line + '\n')
    sys.stdout.flush()


class Page(QWebPage):
    # Every console line of the page, and every uncaught error (QtWebKit reports those as console messages too).
    def javaScriptConsoleMessage(self, message, line, source):
        if source:
            out('[console] %s (%s:%d)' % (message, source, line))
        else:
            out('[console] %s' % message)

    # Dialogs must never wait for a user: say what they were and answer at once.
    def javaScriptAlert(self, frame, message):
        out('[alert] %s' % message)

    def javaScriptConfirm(self, frame, message):
        out('[confirm] %s' % message)
        return False

    def javaScriptPrompt(self, frame, message, default):
        out('[prompt] %s' % message)
        return False, ''

    # QWebPage asks the user (a modal box) when a script runs long; a test run must not stop there.
    @pyqtSlot(result=bool)
    def shouldInterruptJavaScript(self):
        out('[page error] a script ran long (QtWebKit asked to interrupt it; not interrupted)')
        return False

    # No popups: window.open() gets null.
    def createWindow(self, kind):
        return None


def main():
    if len(sys.argv) < 2:
        out('[driver error] usage: qtwebkit-driver.py URL')
        return 2
    url = sys.argv[1]
    # Karma stops the browser with SIGTERM; Ctrl-C from a terminal should stop it too.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    app = QApplication(sys.argv[:1])
    settings = QWebSettings.globalSettings()
    settings.setAttribute(QWebSettings.JavascriptEnabled, True)
    settings.setAttribute(QWebSettings.LocalStorageEnabled, True)
    settings.setAttribute(QWebSettings.PluginsEnabled, False)
    settings.setMaximumPagesInCache(0)
    # The memory cache stays as an app has it: with its capacities at 0, a script that the page writes with
    # document.write() is requested twice (once by the preload scanner, once by the parser, which cannot reuse the
    # preloaded copy), which a real page of this engine does not do (the conditional-loading example counts them).

    page = Page()
    page.setViewportSize(QSize(1024, 768))

    def finished(reply):
        error = reply.error()
        target = reply.url().toString()
        # Failed requests to the test server (/api/...) are what many tests do on purpose (resets, aborts, CORS).
        if error != QNetworkReply.NoError and error != QNetworkReply.OperationCanceledError:
            out('[resource error] %s: %d %s' % (target, error, reply.errorString()))

    page.networkAccessManager().finished.connect(finished)
    page.loadFinished.connect(lambda ok: out('[capture] %s %s' % ('success' if ok else 'fail', url)))
    out('[capture] %s' % page.userAgentForUrl(QUrl(url)))
    page.mainFrame().load(QUrl(url))
    return app.exec_()


if __name__ == '__main__':
    sys.exit(main())
