"""Run-wide pytest set-up for the notebooks that nbval executes (tests/ has its own conftest).

A kernel that dies while starting is started again, twice at most. In CI a fresh kernel once
exited before answering ``kernel_info`` (Python 3.13, two xdist workers starting kernels at the
same moment), which failed every cell of that lesson although the lesson itself was fine; a
lesson whose kernel cannot start three times in a row still fails. The ``/dev/null`` file nbval
opens for the kernel's stderr is closed after a failed start, so it is not left to the garbage
collector (an unclosed-file warning that pytest would report in an unrelated test).
"""

import nbval.kernel

_start_new_kernel = nbval.kernel.start_new_kernel
KERNEL_START_TRIES = 3


def _start_new_kernel_again_if_it_dies(*args, **kwargs):
    for attempt in range(1, KERNEL_START_TRIES + 1):
        try:
            return _start_new_kernel(*args, **kwargs)
        except RuntimeError:
            if attempt == KERNEL_START_TRIES:
                stderr = kwargs.get("stderr")
                if stderr is not None:
                    stderr.close()
                raise


nbval.kernel.start_new_kernel = _start_new_kernel_again_if_it_dies
