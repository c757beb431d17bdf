# Figures: the course's colour-blind-safe colours, and show_figure(fig, alt) to show a figure with its text alternative.
def _course_figures():
    import base64
    import html

    import matplotlib
    from cycler import cycler

    # The first colours of matplotlib's "petroff10" (Petroff 2021, chosen to stay apart under colour-vision
    # deficiencies), in an order whose lightnesses differ, each line also in its own style.
    colors = ["#3f90da", "#ffa90e", "#bd1f01", "#717581"]
    matplotlib.rcParams["axes.prop_cycle"] = cycler(color=colors) + cycler(linestyle=["-", "--", ":", "-."])
    matplotlib.rcParams["image.cmap"] = "viridis"

    def show_figure(fig, alt):
        """Show ``fig`` with ``alt``: one or more sentences saying what the figure shows and what to notice.

        The text goes with the image (the ``alt`` of its ``<img>`` and of its PNG) and is shown under it.
        """
        import matplotlib.pyplot as plt
        from IPython import get_ipython
        from IPython.core.pylabtools import print_figure
        from IPython.display import display

        text = " ".join(str(alt).split())
        if getattr(get_ipython(), "kernel", None) is None:  # no notebook to show it in (the grader runs this too)
            plt.close(fig)
            return
        png = base64.b64encode(print_figure(fig, "png", bbox_inches="tight")).decode("ascii")
        plt.close(fig)  # shown once, here, not again by the inline backend
        said = html.escape(text)
        figure = (
            f'<figure style="margin: 0"><img src="data:image/png;base64,{png}" alt="{said}">'
            f'<figcaption aria-hidden="true">{said}</figcaption></figure>'
        )
        data = {"image/png": png, "text/html": figure, "text/plain": text}
        display(data, metadata={"image/png": {"alt": text}}, raw=True)

    return show_figure
