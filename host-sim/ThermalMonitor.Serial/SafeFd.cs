using System.Runtime.InteropServices;

namespace ThermalMonitor.Serial;

/// <summary>
/// An owned POSIX file descriptor. Closing is reference-counted: Dispose from one thread while
/// another is inside poll/read/write under a <see cref="Lease"/> closes the descriptor only when that
/// call returns, so the number is never reused by another open while still in use.
/// </summary>
internal sealed class SafeFd : SafeHandle
{
    public SafeFd(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true) => SetHandle(fd);

    public override bool IsInvalid => (long)handle < 0;

    /// <summary>Pins the descriptor open until the lease is disposed.</summary>
    /// <exception cref="ObjectDisposedException">Already closed.</exception>
    public Lease Acquire()
    {
        bool added = false;
        DangerousAddRef(ref added);
        return new Lease(this, (int)DangerousGetHandle());
    }

    // No retry on EINTR: on Linux the descriptor is gone even when close reports EINTR.
    protected override bool ReleaseHandle() => LibC.Close((int)handle) == 0;

    /// <summary>A pinned descriptor number.</summary>
    public readonly ref struct Lease
    {
        private readonly SafeFd _owner;

        internal Lease(SafeFd owner, int fd)
        {
            _owner = owner;
            Fd = fd;
        }

        public int Fd { get; }

        public void Dispose() => _owner.DangerousRelease();
    }
}
