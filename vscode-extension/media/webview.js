// The script of Tarazy's webviews (loaded with the page's nonce). It keeps the scroll position across hiding
// and reloads (VS Code's webview state), and sends clicks on links and export buttons to the extension.
(() => {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  if (typeof state.scrollY === "number") window.scrollTo(0, state.scrollY);
  let pending = false;
  window.addEventListener("scroll", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      vscode.setState({ ...(vscode.getState() || {}), scrollY: window.scrollY });
    });
  });
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest("[data-link]");
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: "open", link: Number(link.getAttribute("data-link")) });
      return;
    }
    const button = target?.closest("[data-export]");
    if (button) vscode.postMessage({ type: "export", format: button.getAttribute("data-export") });
  });
  window.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "reveal") {
      const target = document.querySelector(`[data-indicator="${CSS.escape(String(message.indicator))}"]`);
      target?.scrollIntoView({ block: "start" });
      target?.classList.add("tz-revealed");
      return;
    }
    if (message.type !== "status") return;
    let status = document.getElementById("tz-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "tz-status";
      status.setAttribute("role", "status");
      document.body.prepend(status);
    }
    status.textContent = String(message.text || "");
  });
})();
