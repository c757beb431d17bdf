"""Speed, memory and fidelity measurements of the course (see ``benchmarks/run.py``)."""
