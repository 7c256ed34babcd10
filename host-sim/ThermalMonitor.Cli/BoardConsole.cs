using System.Globalization;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;

namespace ThermalMonitor.Cli;

/// <summary>
/// The session of <c>board console</c>: reads what a person types (or a script pipes in) line by line,
/// sends each line as a command with the next sequence number and its check (<see cref="BoardClient"/>),
/// and prints the reply as a sentence, or with <c>raw</c> the wire lines both ways as PROTOCOL.md
/// writes them (<c>&gt; 2 TLM 250*XXXX</c>, <c>&lt; 7 OK 2 period_ms=250*XXXX</c>). What the board sends
/// on its own (alarms, events, telemetry) is printed as it arrives, each on its own line; a
/// repetition of an alarm already shown unchanged is left out unless a command is waiting for its
/// reply (the list of <c>ALARMS</c>). The board judges every line except an empty one (ignored), one
/// with a character outside printable ASCII (refused here, naming the character, and not sent) and
/// the console's own words (<c>help</c>, <c>quit</c>, <c>exit</c>).
/// </summary>
public sealed class BoardConsole : IDisposable
{
    /// <summary>How long a typed command waits for its reply before the console says so and goes on.</summary>
    public const int ReplyTimeoutMs = 5000;

    public const string Prompt = "board> ";

    private readonly BoardClient client;
    private readonly TextWriter output;
    private readonly TextWriter errors;
    private readonly bool raw;
    private readonly bool prompt;
    private readonly object outputGate = new();
    private readonly Dictionary<(string Session, string Seq), string> alarmsShown = [];
    private volatile AwaitedReply? awaited;
    private bool promptShowing;
    private int linesRead;

    /// <param name="raw">Print the wire lines instead of sentences.</param>
    /// <param name="prompt">Print a prompt before each line: the person types at a terminal, and sees one.</param>
    public BoardConsole(BoardClient client, TextWriter output, TextWriter errors, bool raw, bool prompt)
    {
        this.client = client;
        this.output = output;
        this.errors = errors;
        this.raw = raw;
        this.prompt = prompt;
        client.LineSent += OnLineSent;
        client.LineReceived += OnLineReceived;
    }

    /// <summary>Reads and carries out lines until the end of input, quit or exit (0), or until <paramref name="stop"/> (0 as well).</summary>
    /// <exception cref="UserInputException">The link to the board failed or was lost.</exception>
    public int Run(TextReader input, CancellationToken stop)
    {
        try
        {
            while (ReadLine(input, stop) is { } line)
            {
                if (!CarryOut(line, stop))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C (or SIGTERM, SIGHUP): leaving is what it asks for.
        }

        if (prompt)
        {
            Write(string.Empty);
        }

        return ExitCodes.Success;
    }

    public void Dispose()
    {
        client.LineSent -= OnLineSent;
        client.LineReceived -= OnLineReceived;
    }

    /// <summary>One typed line; false when it ends the session.</summary>
    private bool CarryOut(string line, CancellationToken stop)
    {
        string text = line.Trim(' ');
        if (text.Length == 0)
        {
            return true;
        }

        if (TypedCommand.Refusal(line) is { } refusal)
        {
            WriteError($"{Where()}{refusal}");
            return true;
        }

        string[] words = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (words[0].ToLowerInvariant())
        {
            case "quit" or "exit":
                return false;
            case "help" when words.Length == 1:
                Write(ConsoleHelp.All().TrimEnd());
                return true;
            case "help":
                if (ConsoleHelp.One(words[1]) is { } help)
                {
                    Write(help.TrimEnd());
                }
                else
                {
                    WriteError($"{Where()}help {words[1]}: the board has no such command; help lists them");
                }

                return true;
            default:
                Send(TypedCommand.Wire(text), stop);
                return true;
        }
    }

    private void Send(string command, CancellationToken stop)
    {
        var expected = new AwaitedReply(command);
        awaited = expected;
        Task<BoardLine> send = Task.Run(() => client.Send(command, ReplyTimeoutMs), CancellationToken.None);
        try
        {
            Task.WaitAny([send, expected.Shown], stop);
            if (!expected.Shown.IsCompleted && send.IsFaulted)
            {
                Failed(send.Exception.InnerException ?? send.Exception);
                return;
            }

            // The reply came: the reader thread prints it, in its place among the board's lines.
            expected.Shown.Wait(ReplyTimeoutMs, stop);
        }
        finally
        {
            awaited = null;

            // A reply without a reference (ERR - OVERLONG) answered the line; Send still times out later.
            _ = send.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private void Failed(Exception e)
    {
        switch (e)
        {
            case TimeoutException:
                WriteError($"{Where()}{e.Message}");
                return;
            case BoardProtocolException or SerialLinkLostException or ObjectDisposedException or IOException:
                throw new UserInputException(e.Message);
            default:
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
                return;
        }
    }

    private string? ReadLine(TextReader input, CancellationToken stop)
    {
        if (prompt)
        {
            lock (outputGate)
            {
                output.Write(Prompt);
                output.Flush();
                promptShowing = true;
            }
        }

        Task<string?> read = Task.Run(input.ReadLine, CancellationToken.None);
        try
        {
            read.Wait(stop);
        }
        finally
        {
            lock (outputGate)
            {
                promptShowing = false;
            }
        }

        linesRead++;
        return read.Result;
    }

    private void OnLineSent(string line)
    {
        // "12 TLM 250*XXXX": the number the client gave the typed command is what its reply names.
        int space = line.IndexOf(' ');
        int star = line.LastIndexOf('*');
        if (awaited is { Sequence: null } expected && space > 0 && star > space && line[(space + 1)..star] == expected.Command
            && int.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out int sequence))
        {
            expected.Sequence = sequence;
        }

        if (raw)
        {
            Write("> " + line);
        }
    }

    private void OnLineReceived(BoardLine line)
    {
        lock (outputGate)
        {
            AwaitedReply? expected = awaited;
            bool answer = expected is { Sequence: int sequence } && line.IsReply
                && (line.Reference == sequence || (line.Reference is null && line.IsError));
            if (raw)
            {
                Write("< " + line.Text);
            }
            else if (answer)
            {
                Write(line.IsError ? Refusal(line) : BoardReplyText.Success(line));
            }
            else if (line.IsReply)
            {
                Write(line.Type == LinkDictionary.Hello && line.Reference is null
                    ? $"the board started: {BoardReplyText.Success(line)}"
                    : $"late reply to command {line.Reference?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {BoardReplyText.Describe(line)}");
            }
            else if (WorthShowing(line, commandWaiting: expected is not null))
            {
                Write(BoardMessageText.Describe(line));
            }

            if (answer)
            {
                awaited = null;
                expected!.MarkShown();
            }
        }
    }

    /// <summary>Every line but an alarm repeated unchanged (the board re-sends each unacknowledged one every 2 s).</summary>
    private bool WorthShowing(BoardLine line, bool commandWaiting)
    {
        if (line.Type != LinkDictionary.Alarm)
        {
            return true;
        }

        var key = (line.Fields.GetValueOrDefault(WireField.Session) ?? "?", line.Fields.GetValueOrDefault(WireField.Seq) ?? "?");
        string state = $"{line.Fields.GetValueOrDefault(WireField.ClearedMs)} {line.Fields.GetValueOrDefault(WireField.Acked)}";
        bool changed = !alarmsShown.TryGetValue(key, out string? shown) || shown != state;
        alarmsShown[key] = state;
        return changed || commandWaiting;
    }

    /// <summary>"refused: alarm 7 not found"; a sentence that already says the board refused goes as it is.</summary>
    private static string Refusal(BoardLine reply)
    {
        string sentence = BoardReplyText.Error(reply) + Hint(reply);
        return sentence.StartsWith("the board refused ", StringComparison.Ordinal) ? sentence : "refused: " + sentence;
    }

    private static string Hint(BoardLine reply) => reply.ErrorCode switch
    {
        "UNKNOWN_COMMAND" => " (help lists the board's commands)",
        "OVERLONG" => " (a whole configuration document: thermal-sim board config set @file.json sends it in parts)",
        _ => string.Empty,
    };

    /// <summary>Where a refused line was: its number on standard input when a script feeds the console.</summary>
    private string Where() => prompt ? string.Empty : $"line {linesRead}: ";

    private void Write(string text)
    {
        lock (outputGate)
        {
            // Over a prompt: clear it, write the line, and show the prompt again below.
            output.Write(promptShowing ? "\r\u001b[K" + text + Environment.NewLine + Prompt : text + Environment.NewLine);
            output.Flush();
        }
    }

    private void WriteError(string text)
    {
        lock (outputGate)
        {
            errors.WriteLine("error: " + text);
            errors.Flush();
        }
    }

    /// <summary>The typed command waiting for its reply: its number once the client has written it, and whether the reply is shown.</summary>
    private sealed class AwaitedReply(string command)
    {
        private readonly TaskCompletionSource shown = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int sequence = -1;

        public string Command { get; } = command;

        /// <summary>Set on the sending thread, read on the reader thread.</summary>
        public int? Sequence
        {
            get => Volatile.Read(ref sequence) is >= 0 and var value ? value : null;
            set => Volatile.Write(ref sequence, value ?? -1);
        }

        public Task Shown => shown.Task;

        public void MarkShown() => shown.TrySetResult();
    }
}
