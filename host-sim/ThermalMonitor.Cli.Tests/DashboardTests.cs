using System.Net;
using System.Text.Json;
using ThermalMonitor.VirtualBoard;

namespace ThermalMonitor.Cli.Tests;

/// <summary>
/// Issue 13, the server side of <c>thermal-sim dashboard</c>: the page and its assets come from the
/// program itself, every board line reaches a page as a server-sent event, and the page's actions
/// (ACK, status) reach the board — with the token when listening beyond loopback. The page in a
/// real browser: ThermalMonitor.Dashboard.BrowserTests.
/// </summary>
public sealed class DashboardTests
{
    [Fact]
    public void On_loopback_the_page_is_served_and_its_actions_reach_the_board()
    {
        var outcome = new List<string>();
        var result = DashboardRunner.WithDashboard(["dashboard", "--target", "sil"], url =>
        {
            using HttpResponseMessage page = DashboardRunner.Http.GetAsync(url).Result;
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<script src=\"dashboard.js\"></script>", page.Content.ReadAsStringAsync().Result, StringComparison.Ordinal);
            Assert.Contains("new EventSource(\"api/events\")", DashboardRunner.Http.GetStringAsync(url + "dashboard.js").Result, StringComparison.Ordinal);
            Assert.Contains(".tile.WARNING", DashboardRunner.Http.GetStringAsync(url + "dashboard.css").Result, StringComparison.Ordinal);

            (HttpStatusCode status, JsonElement answer) = DashboardRunner.Post(url + "api/ack/7", token: null);
            Assert.Equal((HttpStatusCode)422, status);
            Assert.False(answer.GetProperty("ok").GetBoolean());
            Assert.Equal("alarm 7 not found", answer.GetProperty("text").GetString());
            Assert.Equal("NOT_FOUND", answer.GetProperty("reply").GetProperty("error").GetString());

            (status, answer) = DashboardRunner.Post(url + "api/ack/all", token: null);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("no alarm was waiting to be acknowledged", answer.GetProperty("text").GetString());

            (status, answer) = DashboardRunner.Post(url + "api/ack/x", token: null);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("'x': expected an alarm number or all", answer.GetProperty("text").GetString());

            using JsonDocument statusAnswer = JsonDocument.Parse(DashboardRunner.Http.GetStringAsync(url + "api/status").Result);
            Assert.Equal("REPLAY", statusAnswer.RootElement.GetProperty("reply").GetProperty("fields").GetProperty("mode").GetString());
            // This host's own counters of the link, beside the board's.
            JsonElement host = statusAnswer.RootElement.GetProperty("host");
            Assert.InRange(host.GetProperty("linesReceived").GetInt32(), 5, int.MaxValue);
            Assert.Equal(0, host.GetProperty("linesCorrupted").GetInt32());
            Assert.Equal(0, host.GetProperty("reconnects").GetInt32());
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
        var result = DashboardRunner.WithDashboard(["dashboard", "--target", "sil", "--listen", "0.0.0.0:0"], url =>
        {
            (HttpStatusCode status, JsonElement answer) = DashboardRunner.Post(url + "api/ack/all", token: null);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("token", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
            (status, _) = DashboardRunner.Post(url + "api/ack/all", token: "0123456789abcdef0123456789abcdef");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            // Watching needs no token; acting with the one printed at start works.
            Assert.Equal(HttpStatusCode.OK, DashboardRunner.Http.GetAsync(url).Result.StatusCode);
            (status, answer) = DashboardRunner.Post(url + "api/ack/all", token);
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
        long lastId = 0;
        var result = DashboardRunner.WithDashboard(["dashboard", "--target", "serial:" + board.DevicePath, "--telemetry-ms", "100"], url =>
        {
            using var stream = DashboardRunner.Http.GetStreamAsync(url + "api/events").Result;
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
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    // Each message's place in the order published: a reconnecting page names the last it had.
                    long id = long.Parse(line["id: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(id > lastId, $"id {id} after {lastId}");
                    lastId = id;
                }
                else
                {
                    // Lines from before the page connected come first, as "past".
                    Assert.True(line.Length == 0 || line == "event: line" || line == "event: past", line);
                }
            }
        });

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("HELLO", kinds[0]);
        Assert.Equal(5, kinds.Count(k => k == "telemetry"));
    }

    [Fact]
    public void One_ctrl_c_ends_the_dashboard_while_a_page_is_still_following_it()
    {
        var result = DashboardRunner.InterruptWithPageOpen(["dashboard", "--target", "sil", "--listen", "127.0.0.1:0"], line => line.StartsWith("data: ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 0, result.Stderr);
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
}
