using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.ServerSentEvents;
using ThermalMonitor.Cli.Views;
using ThermalMonitor.Core.Link;
using ThermalMonitor.Link;
using ThermalMonitor.Serial;

namespace ThermalMonitor.Cli.Dashboard;

/// <summary>
/// The dashboard's web server (ASP.NET Core minimal API on Kestrel): the page and its two assets
/// from the assembly, every board line as a server-sent event (<c>GET /api/events</c>, the JSON of
/// <c>board monitor --format jsonl</c>), and the actions the protocol offers a host: acknowledge an
/// alarm (<c>POST /api/ack/{n|all}</c>), read the board's status (<c>GET /api/status</c>) and its
/// alarm journal (<c>GET /api/alarms</c>). The board link's state (lost, back, gone) and, during a
/// replay, its progress go to the pages as events of their own (<see cref="PageMessage"/>).
/// When a token is set (the server listens beyond loopback) an action needs it in the
/// <c>X-Dashboard-Token</c> header; watching never does.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    /// <summary>The header an action carries its token in.</summary>
    public const string TokenHeader = "X-Dashboard-Token";

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["/"] = "dashboard/index.html",
        ["/dashboard.js"] = "dashboard/dashboard.js",
        ["/dashboard.css"] = "dashboard/dashboard.css",
        // Browsers ask for an icon whatever the page says; without one the console shows a 404.
        ["/favicon.ico"] = "dashboard/favicon.svg",
        ["/favicon.svg"] = "dashboard/favicon.svg",
    };

    private static readonly JsonSerializerOptions PageJson = new(JsonSerializerDefaults.Web);

    private readonly WebApplication app;
    private readonly BoardClient client;
    private readonly ReconnectingSerialLink? reconnecting;
    private readonly PageFanOut pages = new();
    private readonly SemaphoreSlim oneCommandAtATime = new(1, 1);
    private readonly string? token;

    // The newest of each, for a page that connects later (null: nothing to tell yet).
    private PageMessage? boardState;
    private PageMessage? replayState;

    private DashboardServer(WebApplication app, BoardClient client, string? token)
    {
        this.app = app;
        this.client = client;
        this.token = token;
        client.LineReceived += Publish;
        client.LinkFailed += OnLinkFailed;
        reconnecting = client.SerialLink as ReconnectingSerialLink;
        if (reconnecting is not null)
        {
            reconnecting.Lost += OnLinkLost;
            reconnecting.Reconnected += OnReconnected;
        }
    }

    /// <summary>The address the server listens on, with the port Kestrel chose for port 0.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Pages following the board now.</summary>
    public int PageCount => pages.PageCount;

    /// <summary>Starts serving <paramref name="client"/>'s board on <paramref name="listen"/>.</summary>
    /// <param name="listen">Where to listen; port 0 lets the system choose.</param>
    /// <param name="client">The board, already connected.</param>
    /// <param name="token">Needed for actions; null on loopback, where only this machine's users reach it.</param>
    public static async Task<DashboardServer> StartAsync(IPEndPoint listen, BoardClient client, string? token)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(client);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(listen));
        WebApplication app = builder.Build();
        var server = new DashboardServer(app, client, token);
        server.Map();
        await app.StartAsync().ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Address = new Uri(bound.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal) + "/");
        return server;
    }

    private void Map()
    {
        foreach ((string path, string resource) in Assets)
        {
            app.MapGet(path, () => Asset(resource));
        }

        app.MapGet("/api/events", (HttpRequest request, CancellationToken cancellation) =>
            TypedResults.ServerSentEvents(Events(LastEventId(request), cancellation)));
        app.MapGet("/api/status", Status);
        app.MapGet("/api/alarms", Journal);
        app.MapPost("/api/ack/{which}", (string which, HttpRequest request, CancellationToken cancellation) =>
        {
            if (token is not null && !TokenMatches(request.Headers[TokenHeader].ToString()))
            {
                return Task.FromResult(Answer(StatusCodes.Status403Forbidden, false, $"an action needs the token printed when the dashboard started, in the {TokenHeader} header"));
            }

            string? alarm = which == "all" ? LinkDictionary.All
                : int.TryParse(which, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seq) && seq > 0 ? which
                : null;
            return alarm is null
                ? Task.FromResult(Answer(StatusCodes.Status400BadRequest, false, $"'{which}': expected an alarm number or all"))
                : Command($"{LinkDictionary.Ack} {alarm}", cancellation);
        });
    }

    // Compared in constant time: how long a refusal takes says nothing about how much of a guess was right.
    private bool TokenMatches(string offered) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(token!));

    // A browser reconnecting an EventSource names the last event it had; anything else starts from the beginning of the history.
    private static long LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id) ? id : 0;

    // The board's HELLO first, so a page that connects later still knows whom it watches; then the
    // link's and the replay's state, then what the history kept (event "past"), then the live messages.
    private async IAsyncEnumerable<SseItem<string>> Events(long afterId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        if (client.Hello is { } hello)
        {
            yield return new SseItem<string>(MonitorJsonLine.Format(hello, DateTimeOffset.UtcNow), "line");
        }

        foreach (PageMessage? latest in (PageMessage?[])[Volatile.Read(ref boardState), Volatile.Read(ref replayState)])
        {
            if (latest is not null)
            {
                yield return new SseItem<string>(latest.Json, latest.Event);
            }
        }

        await foreach (PageMessage message in pages.Subscribe(afterId, cancellation).ConfigureAwait(false))
        {
            yield return new SseItem<string>(message.Json, message.Past ? "past" : message.Event)
            {
                EventId = message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }

    private void Publish(BoardLine line)
    {
        // Replies answer this host's commands (thousands a second of OK to INJR during a replay) and
        // the page's own actions get theirs over HTTP: only HELLO, which names the board, goes on,
        // and it is not kept (a page is given the client's newest first).
        string kind = MonitorJsonLine.Kind(line);
        if (kind == "reply" && line.Type != LinkDictionary.Hello)
        {
            return;
        }

        // An alarm's repetitions (every 2 s of board time while unacknowledged) are not kept: they
        // would push the events out, and a page reads the alarms' state from the journal when it opens.
        PageHistoryKind kept = kind switch
        {
            "telemetry" => PageHistoryKind.Telemetry,
            "reply" => PageHistoryKind.None,
            "alarm" when line.Field(WireField.Resent) != "0" => PageHistoryKind.None,
            _ => PageHistoryKind.Newest,
        };
        pages.Publish(new PageMessage("line", MonitorJsonLine.Format(line, DateTimeOffset.UtcNow), kept));
    }

    /// <summary>Tells the pages how a replay on this board is going (the newest also goes to pages that connect later).</summary>
    public void PublishReplay(ReplayPageState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var message = new PageMessage("replay", JsonSerializer.Serialize(state, PageJson));
        Volatile.Write(ref replayState, message);
        pages.Publish(message);
    }

    private void OnLinkLost(Exception reason) =>
        PublishBoard("lost", $"the board's link was lost ({reason.Message}); reconnecting");

    private void OnReconnected() =>
        PublishBoard("back", $"the board's link is back (reconnection {reconnecting!.Reconnects}); asking the board for HELLO, its alarms and the telemetry period again");

    private void OnLinkFailed(Exception reason) =>
        PublishBoard("gone", $"the board did not come back: {reason.Message}; restart the dashboard once it is connected again");

    private void PublishBoard(string state, string text)
    {
        var message = new PageMessage("board", JsonSerializer.Serialize(new BoardLinkState(state, reconnecting?.Reconnects ?? 0, MonitorJsonLine.Time(DateTimeOffset.UtcNow), text), PageJson));
        Volatile.Write(ref boardState, message);
        pages.Publish(message);
    }

    // One command on the wire at a time: the client matches each reply to the command it waits for.
    private async Task<IResult> Command(string command, CancellationToken cancellation)
    {
        await oneCommandAtATime.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            BoardLine reply = await Task.Run(() => client.Send(command), cancellation).ConfigureAwait(false);
            return reply.IsError
                ? Answer(StatusCodes.Status422UnprocessableEntity, false, BoardReplyText.Describe(reply), reply)
                : Answer(StatusCodes.Status200OK, true, BoardReplyText.Describe(reply), reply);
        }
        catch (Exception e) when (e is TimeoutException or IOException or BoardProtocolException)
        {
            return Answer(StatusCodes.Status504GatewayTimeout, false, $"the board did not answer {command.Split(' ')[0]}: {e.Message}");
        }
        finally
        {
            oneCommandAtATime.Release();
        }
    }

    // STATUS, with this host's own counters of the link beside the board's.
    private async Task<IResult> Status(CancellationToken cancellation)
    {
        IResult answer = await Command(LinkDictionary.Status, cancellation).ConfigureAwait(false);
        var host = new HostLinkCounters(client.LinesReceived, client.LinesCorrupted, client.LinesMissing, reconnecting?.Reconnects ?? 0);
        return answer is JsonHttpResult<ActionAnswer> { Value: { } value } json
            ? TypedResults.Json(new StatusAnswer(value.Ok, value.Text, value.Reply, host), statusCode: json.StatusCode)
            : answer;
    }

    // ALARMS: the board lists its journal as ALARM lines before its OK; they are gathered as they pass.
    private async Task<IResult> Journal(CancellationToken cancellation)
    {
        var listed = new List<JsonElement>();
        void Collect(BoardLine line)
        {
            if (line.Type == LinkDictionary.Alarm)
            {
                lock (listed)
                {
                    listed.Add(JsonDocument.Parse(MonitorJsonLine.Format(line, DateTimeOffset.UtcNow)).RootElement.GetProperty("fields").Clone());
                }
            }
        }

        client.LineReceived += Collect;
        try
        {
            IResult answer = await Command(LinkDictionary.Alarms, cancellation).ConfigureAwait(false);
            JsonElement[] alarms;
            lock (listed)
            {
                // Keep the last copy of each alarm: an unacknowledged one is also re-sent on its own.
                alarms = [.. listed.GroupBy(a => a.GetProperty("seq").GetInt32()).Select(g => g.Last()).OrderBy(a => a.GetProperty("seq").GetInt32())];
            }

            return answer is JsonHttpResult<ActionAnswer> { Value: { } value } json
                ? TypedResults.Json(new JournalAnswer(value.Ok, value.Text, alarms), statusCode: json.StatusCode)
                : answer;
        }
        finally
        {
            client.LineReceived -= Collect;
        }
    }

    private static IResult Answer(int status, bool ok, string text, BoardLine? reply = null) =>
        TypedResults.Json(new ActionAnswer(ok, text, reply is null ? null : JsonDocument.Parse(MonitorJsonLine.Format(reply, DateTimeOffset.UtcNow)).RootElement), statusCode: status);

    private static IResult Asset(string resource)
    {
        Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the dashboard asset {resource} is not embedded");
        string type = Path.GetExtension(resource) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "text/css; charset=utf-8",
        };
        return TypedResults.Stream(stream, type);
    }

    public async ValueTask DisposeAsync()
    {
        client.LineReceived -= Publish;
        client.LinkFailed -= OnLinkFailed;
        if (reconnecting is not null)
        {
            reconnecting.Lost -= OnLinkLost;
            reconnecting.Reconnected -= OnReconnected;
        }

        // An event stream never ends by itself, and Kestrel's stop waits for open responses (up to
        // its 30 s shutdown timeout): end every page's stream first, so one Ctrl+C ends the command.
        pages.Close();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        oneCommandAtATime.Dispose();
    }

    /// <summary>What an action answers: whether the board did it, the reply in words, and the reply itself.</summary>
    public sealed record ActionAnswer(bool Ok, string Text, JsonElement? Reply);

    /// <summary>The board's <c>STATUS</c> reply and this host's counters of the same link.</summary>
    public sealed record StatusAnswer(bool Ok, string Text, JsonElement? Reply, HostLinkCounters Host);

    /// <summary>Lines this host received, those that failed their check, those missing by sequence number, and reopenings of the device.</summary>
    public sealed record HostLinkCounters(int LinesReceived, int LinesCorrupted, int LinesMissing, int Reconnects);

    /// <summary>The board's journal (<c>ALARMS</c>): every alarm's fields as its latest ALARM line gave them.</summary>
    public sealed record JournalAnswer(bool Ok, string Text, IReadOnlyList<JsonElement> Alarms);
}
