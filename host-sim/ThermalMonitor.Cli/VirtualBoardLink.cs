namespace ThermalMonitor.Cli;

/// <summary>
/// The <c>--link</c> of <c>board virtual</c> before the board takes it: a link left by an earlier
/// run that was killed (SIGKILL gives no chance to clean up) points at a pty that is gone and is
/// replaced, saying so; a link to something that exists is another board's (or a reused pty's) and
/// is refused rather than taken from under it.
/// </summary>
public static class VirtualBoardLink
{
    public static void ClearStale(string? linkPath, TextWriter notices)
    {
        if (linkPath is null || new FileInfo(linkPath).LinkTarget is not { } target)
        {
            return; // nothing there; anything else than a link the pseudo-terminal refuses itself
        }

        string full = Path.GetFullPath(target, Path.GetDirectoryName(Path.GetFullPath(linkPath))!);
        if (File.Exists(full) || Directory.Exists(full))
        {
            throw new UserInputException($"--link {linkPath}: it already points at {target}, which exists (another virtual board?); stop that board or choose another --link");
        }

        File.Delete(linkPath);
        notices.WriteLine($"replaced the stale link {linkPath} -> {target} (its pty is gone: an earlier run was killed)");
    }
}
