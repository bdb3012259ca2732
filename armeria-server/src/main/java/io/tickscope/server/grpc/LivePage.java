package io.tickscope.server.grpc;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.ServerCacheControl;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.file.FileService;
import com.linecorp.armeria.server.file.HttpFile;

/**
 * The /live page: a static page and its script, served from the classpath. The script is a TypeScript gRPC-Web
 * client generated from the contract and bundled by the build ({@code armeria-server/web}, see its package.json);
 * it calls WatchPrices over gRPC-Web on this same port, so the page needs nothing but this server.
 */
final class LivePage {

    static final String PATH = "/live";
    static final String ASSETS = "/live/";

    /**
     * A script DocService injects into its page: a fixed link to the live page, because DocService's console can
     * send unary calls only and the live page is where a stream can be watched from a browser.
     */
    static final String DOC_SERVICE_LINK = "(function () {"
            + " function add() { if (document.getElementById('tickscope-live-link')) return;"
            + " var a = document.createElement('a'); a.id = 'tickscope-live-link'; a.href = '" + PATH + "';"
            + " a.textContent = 'Live prices (WatchPrices over gRPC-Web) \u2192';"
            + " a.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2000;padding:6px 12px;"
            + "background:#2563eb;color:#fff;border-radius:6px;font:14px sans-serif;text-decoration:none';"
            + " document.body.appendChild(a); }"
            + " if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', add);"
            + " else add(); })();";

    private static final String ROOT = "io/tickscope/server/live";

    private LivePage() {}

    static HttpService page() {
        return HttpFile.builder(LivePage.class.getClassLoader(), ROOT + "/index.html")
                .cacheControl(ServerCacheControl.REVALIDATED)
                .build()
                .asService();
    }

    static HttpService assets() {
        return FileService.builder(LivePage.class.getClassLoader(), ROOT)
                .cacheControl(ServerCacheControl.REVALIDATED)
                .setHeader(HttpHeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .build();
    }
}
