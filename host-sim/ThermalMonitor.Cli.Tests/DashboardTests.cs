using System.Net;
using System.Text.Json;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Issue 13, the server side of <c>thermal-sim dashboard</c>: the page and its assets come from the
/// program itself, every board line reaches a page as a server-sent event, and the page's actions
/// (ACK, status) reach the board — with the token when listening beyond loopback. The page in a
/// real browser is not tested here yet.
/// </summary>
public sealed class DashboardTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public void On_loopback_the_page_is_served_and_its_actions_reach_the_board()
    {
        var outcome = new List<string>();
        var result = WithDashboard(["--target", "sil"], url =>
        {
            using HttpResponseMessage page = Http.GetAsync(url).Result;
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<script src=\"dashboard.js\"></script>", page.Content.ReadAsStringAsync().Result, StringComparison.Ordinal);
            Assert.Contains("new EventSource(\"api/events\")", Http.GetStringAsync(url + "dashboard.js").Result, StringComparison.Ordinal);
            Assert.Contains(".tile.WARNING", Http.GetStringAsync(url + "dashboard.css").Result, StringComparison.Ordinal);

            (HttpStatusCode status, JsonElement answer) = Post(url + "api/ack/7", token: null);
            Assert.Equal((HttpStatusCode)422, status);
            Assert.False(answer.GetProperty("ok").GetBoolean());
            Assert.Equal("alarm 7 not found", answer.GetProperty("text").GetString());
            Assert.Equal("NOT_FOUND", answer.GetProperty("reply").GetProperty("error").GetString());

            (status, answer) = Post(url + "api/ack/all", token: null);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("no alarm was waiting to be acknowledged", answer.GetProperty("text").GetString());

            (status, answer) = Post(url + "api/ack/x", token: null);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("'x': expected an alarm number or all", answer.GetProperty("text").GetString());

            using JsonDocument statusAnswer = JsonDocument.Parse(Http.GetStringAsync(url + "api/status").Result);
            Assert.Equal("REPLAY", statusAnswer.RootElement.GetProperty("reply").GetProperty("fields").GetProperty("mode").GetString());
            outcome.Add("checked");
        });

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["checked"], outcome);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Beyond_loopback_an_action_needs_the_token_printed_at_start()
    {
        string? token = null;
        var result = WithDashboard(["--target", "sil", "--listen", "0.0.0.0:0"], url =>
        {
            (HttpStatusCode status, JsonElement answer) = Post(url + "api/ack/all", token: null);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("token", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
            (status, _) = Post(url + "api/ack/all", token: "0123456789abcdef0123456789abcdef");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            // Watching needs no token; acting with the one printed at start works.
            Assert.Equal(HttpStatusCode.OK, Http.GetAsync(url).Result.StatusCode);
            (status, answer) = Post(url + "api/ack/all", token);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("no alarm was waiting to be acknowledged", answer.GetProperty("text").GetString());
        }, line => token ??= line.Split("?token=", 2) is [_, var t] ? t : null);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches("^[0-9a-f]{32}$", token);
    }

    [Fact]
    public void The_stream_carries_the_boards_hello_and_then_its_live_telemetry()
    {
        using var board = VirtualBoardProcess.Start(["--live", "progress-ms21", "--speed", "60", "--link", Path.Combine(CliRunner.TempDirectory(), "ttyTM")]);
        var kinds = new List<string>();
        var result = WithDashboard(["--target", "serial:" + board.DevicePath, "--telemetry-ms", "100"], url =>
        {
            using var stream = Http.GetStreamAsync(url + "api/events").Result;
            using var reader = new StreamReader(stream);
            while (kinds.Count(k => k == "telemetry") < 5 && reader.ReadLine() is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    using JsonDocument json = JsonDocument.Parse(line["data: ".Length..]);
                    string kind = json.RootElement.GetProperty("kind").GetString()!;
                    kinds.Add(kinds.Count == 0 ? json.RootElement.GetProperty("type").GetString()! : kind);
                    if (kind == "telemetry")
                    {
                        Assert.InRange(json.RootElement.GetProperty("fields").GetProperty("p_pa").GetInt32(), 1, 1_000_000);
                    }
                }
                else
                {
                    Assert.True(line.Length == 0 || line == "event: line", line);
                }
            }
        });

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("HELLO", kinds[0]);
        Assert.Equal(5, kinds.Count(k => k == "telemetry"));
    }

    [Theory]
    [InlineData("nowhere", "error: --listen 'nowhere': expected address:port, e.g. 127.0.0.1:8600, 0.0.0.0:8600 (every interface) or [::1]:8600")]
    [InlineData("127.0.0.1", "error: --listen '127.0.0.1': expected address:port, e.g. 127.0.0.1:8600, 0.0.0.0:8600 (every interface) or [::1]:8600")]
    public void A_listen_address_that_is_not_one_is_one_error_line(string listen, string expected)
    {
        var result = CliRunner.Run("dashboard", "--target", "sil", "--listen", listen);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.StderrLines));
    }

    /// <summary>Starts the dashboard on a port the system chooses, runs <paramref name="check"/> with its address, then stops it with Ctrl+C.</summary>
    private static CliRunner.Result WithDashboard(string[] options, Action<string> check, Func<string, string?>? onAddressLine = null)
    {
        string? url = null;
        Exception? failure = null;
        string[] args = options.Contains("--listen") ? ["dashboard", .. options] : ["dashboard", .. options, "--listen", "127.0.0.1:0"];
        var result = CliRunner.RunAndThen(
            line =>
            {
                if (!line.StartsWith("dashboard: http://", StringComparison.Ordinal))
                {
                    return false;
                }

                onAddressLine?.Invoke(line);
                url = line["dashboard: ".Length..].Split('?')[0].Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
                return true;
            },
            processId =>
            {
                try
                {
                    check(url!);
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    CliRunner.Interrupt(processId);
                }
            },
            args);
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException($"{failure.Message}\nstdout: {result.Stdout}\nstderr: {result.Stderr}\n{failure.StackTrace}");
        }

        Assert.NotNull(url);
        return result;
    }

    private static (HttpStatusCode Status, JsonElement Answer) Post(string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (token is not null)
        {
            request.Headers.Add("X-Dashboard-Token", token);
        }

        using HttpResponseMessage response = Http.SendAsync(request).Result;
        return (response.StatusCode, JsonDocument.Parse(response.Content.ReadAsStringAsync().Result).RootElement.Clone());
    }
}
