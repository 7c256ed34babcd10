using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ThermalMonitor.Cli.Tests;

/// <summary>A dashboard (of <c>dashboard</c> or <c>replay --dashboard</c>) run as the real program, and its HTTP actions.</summary>
public static class DashboardRunner
{
    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>
    /// Runs <paramref name="args"/> (<c>dashboard …</c>, or <c>replay … --dashboard=…</c>; a dashboard
    /// without an address listens on a port the system chooses), runs <paramref name="check"/> with the
    /// address it prints, then stops it with Ctrl+C.
    /// </summary>
    public static CliRunner.Result WithDashboard(string[] args, Action<string> check, Func<string, string?>? onAddressLine = null)
    {
        string? url = null;
        Exception? failure = null;
        if (!args.Any(a => a.StartsWith("--listen", StringComparison.Ordinal) || a.StartsWith("--dashboard", StringComparison.Ordinal)))
        {
            args = [.. args, "--listen", "127.0.0.1:0"];
        }

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

    /// <summary>
    /// Runs <paramref name="args"/> with a page following its stream, and presses Ctrl+C once — while
    /// the page is still open — after the stream's line satisfies <paramref name="interruptAfter"/>.
    /// A dashboard that ends the page's stream within <paramref name="limit"/> and then exits gives
    /// its result; one that does not is killed and the test fails, saying so.
    /// </summary>
    public static CliRunner.Result InterruptWithPageOpen(string[] args, Func<string, bool> interruptAfter, TimeSpan limit)
    {
        string? failure = null;
        string? url = null;
        var result = CliRunner.RunAndThen(
            line =>
            {
                if (line.StartsWith("dashboard: http://", StringComparison.Ordinal))
                {
                    url = line["dashboard: ".Length..].Split('?')[0].Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
                }

                return url is not null;
            },
            processId =>
            {
                using var page = new CancellationTokenSource();
                using var stream = Http.GetStreamAsync(url + "api/events").Result;
                using var reader = new StreamReader(stream);
                while (reader.ReadLine() is { } line && !interruptAfter(line))
                {
                }

                CliRunner.Interrupt(processId);
                page.CancelAfter(limit);
                try
                {
                    while (reader.ReadLineAsync(page.Token).AsTask().Result is not null)
                    {
                    }
                }
                catch (AggregateException e) when (e.InnerException is OperationCanceledException)
                {
                    failure = $"one Ctrl+C with a page open: the page's stream was still open {limit.TotalSeconds} s later";
                    using Process process = Process.GetProcessById(processId);
                    process.Kill();
                }
            },
            args);
        Assert.True(failure is null, failure);
        return result;
    }

    public static (HttpStatusCode Status, JsonElement Answer) Post(string url, string? token)
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
