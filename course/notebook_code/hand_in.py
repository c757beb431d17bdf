# Handing in: hand_in(zip_name) saves this notebook, then packs it (never an older save) into zip_name.
def _course_hand_in(notebook_name, wait=15.0):
    import glob
    import json
    import os
    import secrets
    import sys
    import time

    from IPython import get_ipython
    from IPython.display import Javascript, display

    # Asks JupyterLab or Notebook 7 (the command "docmanager:save", run by a click on a command link) or the
    # classic Notebook to save this notebook; once only, so that reopening the saved notebook does not save it.
    save = """
    (function () {
      var once = "course-hand-in-%s";
      try { if (window.localStorage.getItem(once)) { return; } window.localStorage.setItem(once, "1"); } catch (e) {}
      if (typeof Jupyter !== "undefined" && Jupyter.notebook) { Jupyter.notebook.save_checkpoint(); return; }
      var host = (typeof element !== "undefined" && element) ? (element.nodeType ? element : element[0]) : null;
      var tries = 0;
      (function click() {  // once the output is on the page, so that the click reaches JupyterLab's command links
        if (host && !host.isConnected && tries++ < 50) { setTimeout(click, 100); return; }
        var link = document.createElement("button");
        link.setAttribute("data-commandlinker-command", "docmanager:save");
        link.style.display = "none";
        (host || document.body).appendChild(link);
        link.click();
        link.remove();
      })();
    })();
    """

    def written(path):
        """Whether ``path`` holds a whole notebook (not one the server is still writing)."""
        try:
            with open(path, encoding="utf-8") as f:
                json.load(f)
            return True
        except (OSError, ValueError):
            return False

    def this_notebook(before, shell):
        """The file of this notebook: the one the front end just saved, else the one the editor names."""
        changed = [p for p in glob.glob("*.ipynb") if os.stat(p).st_mtime_ns != before.get(p)]
        if len(changed) == 1:
            return changed[0], True
        for path in (shell.user_ns.get("__vsc_ipynb_file__"), os.environ.get("JPY_SESSION_NAME"), notebook_name):
            if path and str(path).endswith(".ipynb") and os.path.isfile(path):
                return path, False
        found = glob.glob("*.ipynb")
        return (found[0], False) if len(found) == 1 else (None, False)

    def hand_in(zip_name):
        """Save this notebook, then write ``zip_name`` next to it: the notebook (under its own name) and Otter's log."""
        if "google.colab" in sys.modules or "KAGGLE_KERNEL_RUN_TYPE" in os.environ or os.path.isdir("/kaggle"):
            print("Here, hand in the notebook itself: File → Download (.ipynb).")
            return
        shell = get_ipython()
        if getattr(shell, "kernel", None) is None:  # not in a notebook (the grader runs this cell too): nothing to do
            return
        last_run = getattr(sys.modules.get("_course_notebook"), "last_run", 0.0)
        before = {p: os.stat(p).st_mtime_ns for p in glob.glob("*.ipynb")}
        request = display(Javascript(save % secrets.token_hex(8)), display_id=True)
        # A run with no one at the keyboard (nbclient, papermill: no input() either) has no front end to save.
        deadline = time.monotonic() + (wait if getattr(shell.kernel, "_allow_stdin", True) else 0)
        def unchanged():
            return all(os.stat(p).st_mtime_ns == t for p, t in before.items() if os.path.exists(p))

        while time.monotonic() < deadline and unchanged():
            time.sleep(0.2)
        while time.monotonic() < deadline and not all(written(p) for p in before if os.path.exists(p)):
            time.sleep(0.2)  # the server writes the file in place: wait until it is whole
        request.update({"text/plain": ""}, raw=True)  # done: the saved file keeps it, the notebook need not
        path, saved = this_notebook(before, shell)
        if path is None:
            print(
                f"Not handed in: this notebook's file was not found. Save it as {notebook_name} in this folder, "
                "then run this cell again."
            )
            return
        folder, name = os.path.split(os.path.abspath(path))
        made = os.path.join(folder, zip_name)
        when = os.path.getmtime(path)
        if when < last_run:
            gone = os.path.exists(made)
            if gone:
                os.remove(made)
            print(
                f"Not handed in: {name} on disk is older than the last cell you ran, so your latest work is not saved "
                "in it. Save the notebook (File → Save Notebook, or Ctrl+S / ⌘S), then run this cell again."
                + (f" (The older {zip_name} was deleted, so that it is not handed in by mistake.)" if gone else "")
            )
            return
        grader = shell.user_ns.get("grader")
        if not hasattr(grader, "export"):
            import otter

            grader = otter.Notebook(tests_dir="tests")
        here = os.getcwd()
        os.chdir(folder)  # the zip names the notebook by its own name, not by where it is on this computer
        try:
            grader.export(name, zip_name, pdf=False, display_link=False)
        finally:
            os.chdir(here)
        how = "saved just now" if saved else "last saved"
        print(f"{name} {how} at {time.strftime('%H:%M:%S', time.localtime(when))}, after the last cell you ran.")
        print("Hand in this file:", made)

    return hand_in
