using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Journey;
using Safeguard.Persistence;

namespace Safeguard.Bench;

/// <summary>
/// Load benchmark of the pages practitioners open every day: seeds the scale-1 demo area into its own database (a
/// SQLite file, or a new PostgreSQL database with <c>--postgres "&lt;connection string&gt;"</c>, dropped afterwards),
/// moves 50 of the Assessment Team's open allocations to the Complex Safeguarding Team (a small team beside the large
/// one), starts the built web app (<c>src/Safeguard.Web/bin/Release</c>) on a loopback port, signs the demo users in
/// through the pages (password, then the code from their authenticator secret), and requests each page with 1 and
/// then 20 concurrent users: bounded request counts, a per-request timeout and a time limit per page, so a slow page
/// cannot hold the run. Prints p50, p95 and max per page and level, the web app's processor time per request, and the
/// machine's load average. Usage:
/// <c>--load [--postgres "&lt;connection&gt;" [--postgres-database &lt;name, kept and reused&gt;]] [--sqlite &lt;file, kept and reused&gt;] [--port 5183] [--levels 1,20]
/// [--requests 20] [--timeout 30] [--pages team-large,my-work,...] [--server-log &lt;file of the app's SQL commands and timings&gt;]
/// [--web &lt;another build's Safeguard.Web.dll&gt;]</c>.
/// </summary>
internal static partial class LoadBenchmark
{
    private sealed record PageCase(string Key, string Name, string UserName, Func<Arrangement, string> Path);

    private sealed record Arrangement(Guid LargeTeam, int LargeOpen, Guid SmallTeam, int SmallOpen, IReadOnlyList<Guid> Children)
    {
        /// <summary>The quality assurance subgroup (its two years of meetings) and its last held meeting.</summary>
        public Guid Board { get; init; }

        public Guid Meeting { get; init; }
    }

    private static readonly PageCase[] Pages =
    [
        new("home", "Home (/)", "social.worker", _ => "/"),
        new("front-door", "Front door queue", "front.door", _ => "/front-door"),
        new("my-work", "My work (social worker)", "social.worker", _ => "/casework/my-work"),
        new("team-large", "Team's due work, large team", "team.manager", a => $"/casework/team?TeamId={a.LargeTeam}"),
        new("team-small", "Team's due work, small team", "team.manager", a => $"/casework/team?TeamId={a.SmallTeam}"),
        new("record", "A child's record", "social.worker", a => $"/people/{a.Children[Next(a.Children.Count)]}"),
        new("casework", "A child's casework", "social.worker", a => $"/people/{a.Children[Next(a.Children.Count)]}/casework"),
        new("chronology", "A child's chronology", "social.worker", a => $"/people/{a.Children[Next(a.Children.Count)]}/chronology"),
        new("performance", "Team performance", "team.manager", _ => "/casework/performance"),
        new("my-agency", "Partner's contacts (/my-agency)", "partner", _ => "/my-agency"),
        new("dataset", "Partnership dataset", "business.unit", _ => "/dataset"),
        new("dashboard", "Dataset dashboard", "business.unit", _ => "/dataset/dashboard"),
        new("missing", "Missing children overview", "social.worker", _ => "/missing"),
        new("exploitation", "A child's exploitation page", "social.worker", a => $"/people/{a.Children[Next(a.Children.Count)]}/exploitation"),
        new("contextual", "Contextual safeguarding", "social.worker", _ => "/contextual"),
        new("panels", "Exploitation and missing panel", "team.manager", _ => "/panels"),
        new("profile", "Complex safeguarding problem profile", "business.unit", _ => "/complex-safeguarding/profile"),
        new("early-help", "Early help list (open episodes)", "early.help", _ => "/early-help"),
        new("early-help-closed", "Early help list, closed too", "early.help", _ => "/early-help?Closed=true"),
        new("lado", "LADO allegations (open)", "lado", _ => "/lado"),
        new("lado-all", "LADO allegations, all", "lado", _ => "/lado?Status=All"),
        new("private-fostering", "Private fostering arrangements", "social.worker", _ => "/private-fostering"),
        new("escalations", "Escalations, all agencies", "business.unit", _ => "/assurance/escalations"),
        new("escalation-figures", "Escalation figures", "business.unit", _ => "/assurance/escalations/figures"),
        new("my-escalations", "An agency's escalations", "partner", _ => "/my-agency/escalations"),
        new("training", "Training programme", "business.unit", _ => "/training"),
        new("training-figures", "Training figures", "business.unit", _ => "/training/figures"),
        new("my-training", "An agency's delegates", "data.council", _ => "/my-agency/training"),
        new("governance", "Boards and meetings", "business.unit", _ => "/governance"),
        new("governance-figures", "Governance figures", "business.unit", _ => "/governance/figures"),
        new("my-meetings", "A member's boards and meetings", "partner.police", _ => "/my-agency/meetings"),
        new("governance-board", "A board's page (quality assurance subgroup)", "business.unit", a => $"/governance/boards/{a.Board}"),
        new("governance-meeting", "A held meeting's page (agenda, decisions and actions by item)", "business.unit", a => $"/governance/meetings/{a.Meeting}"),
        new("improvement-plans", "Improvement plans", "business.unit", _ => "/assurance/improvement-plan"),
        new("my-plan", "A lead's part of the improvement plan", "partner.police", _ => "/my-agency/improvement-plan"),
        new("annual-reports", "Annual reports (the years)", "business.unit", _ => "/annual-report"),
        new("annual-report", "An annual report's year page (2025-26)", "business.unit", _ => "/annual-report/2025"),
        new("annual-feedback", "Feedback from children and families (2025-26)", "business.unit", _ => "/annual-report/2025/feedback"),
        new("annual-funding", "Partnership funding (2025-26)", "business.unit", _ => "/annual-report/2025/funding"),
    ];

    private static int _next;

    private static int Next(int count) => (int)((uint)Interlocked.Increment(ref _next) % (uint)count);

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var postgres = Option("--postgres");
        var sqliteFile = Option("--sqlite");
        var postgresDatabase = Option("--postgres-database");
        var port = int.Parse(Option("--port") ?? FreePort().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var levels = (Option("--levels") ?? "1,20").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var requests = int.Parse(Option("--requests") ?? "20", CultureInfo.InvariantCulture);
        var timeout = TimeSpan.FromSeconds(double.Parse(Option("--timeout") ?? "30", CultureInfo.InvariantCulture));
        var only = Option("--pages")?.Split(',').ToHashSet(StringComparer.Ordinal);
        var web = Path.GetFullPath(Option("--web") ?? WebAppPath());
        if (!File.Exists(web))
        {
            Console.Error.WriteLine($"The web app is not built at {web}: run dotnet build src/Safeguard.Web -c Release first.");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("safeguard-load-bench-").FullName;
        var settings = postgres is not null
            ? new DatabaseSettings(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = postgresDatabase ?? $"safeguard_load_{Environment.ProcessId}" }.ConnectionString)
            : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={sqliteFile ?? Path.Combine(folder, "bench.db")}");
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSafeguardCore(settings).AddSafeguardIdentityCore();
        await using var provider = services.BuildServiceProvider();
        Process? server = null;
        try
        {
            var clock = Stopwatch.StartNew();
            var arrangement = await ArrangeAsync(provider);
            Console.WriteLine($"{Environment.ProcessorCount} processors, .NET {Environment.Version}, {settings.Provider}; area ready in {clock.Elapsed.TotalSeconds:0} s");
            Console.WriteLine($"Large team: {arrangement.LargeOpen:N0} open allocations; small team: {arrangement.SmallOpen:N0}");
            server = StartServer(web, settings, port, Option("--server-log"));
            var baseUrl = new Uri($"http://127.0.0.1:{port}");
            await WaitForHealthAsync(baseUrl, server);
            var sessions = new Dictionary<string, CookieContainer>(StringComparer.Ordinal);
            foreach (var user in Pages.Select(p => p.UserName).Distinct())
            {
                sessions[user] = await SignInAsync(baseUrl, user);
            }

            Console.WriteLine($"Load average at start: {LoadAverage()}");
            Console.WriteLine($"Requests per page and level: {requests} (at least 2 per user), timeout {timeout.TotalSeconds:0} s a request, {requests * 5} s a page and level at most");
            Console.WriteLine("| page | users | requests | p50 ms | p95 ms | max ms | failed or timed out | CPU ms/request |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var page in Pages.Where(p => only is null || only.Contains(p.Key)))
            {
                var aloneTimedOut = false;
                foreach (var users in levels)
                {
                    if (aloneTimedOut)
                    {
                        Console.WriteLine($"| {page.Name} | {users} | | | | | not run: timed out with one user | |");
                        continue;
                    }

                    var result = await MeasureAsync(baseUrl, sessions[page.UserName], () => page.Path(arrangement), users, Math.Max(requests, users * 2), timeout, TimeSpan.FromSeconds(requests * 5), server.Id);
                    aloneTimedOut = users == 1 && result.Failed > 0 && result.Latencies.Count == 0;
                    Console.WriteLine(result.Row(page.Name, users));
                }
            }

            Console.WriteLine($"Load average at end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            if (server is not null)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                server.Dispose();
            }

            if (postgres is not null && postgresDatabase is null)
            {
                using var scope = provider.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database.EnsureDeletedAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The demo area (seeded when the database has none), with a small team beside the large Assessment Team.</summary>
    private static async Task<Arrangement> ArrangeAsync(ServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        await SafeguardDatabase.MigrateAsync(db);
        if (!await db.People.AnyAsync())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("Benchmark area", new DemoOptions(1));
        }

        var teams = await db.Teams.AsNoTracking().Where(t => t.Agency!.Code == "CSC").ToDictionaryAsync(t => t.Name, t => t.Id);
        var large = teams["Assessment Team"];
        var small = teams["Complex Safeguarding Team"];
        var smallOpen = await db.Set<CaseAllocation>().CountAsync(a => a.To == null && a.TeamId == small);
        if (smallOpen == 0)
        {
            var move = await db.Set<CaseAllocation>().Where(a => a.To == null && a.TeamId == large && a.WorkerId == null)
                .OrderBy(a => a.Id).Take(50).ToListAsync();
            move.ForEach(a => a.TeamId = small);
            using (db.BeginProcess("Bench.SmallTeam", Auditing.Actor.System("benchmark")))
            {
                await db.SaveChangesAsync();
            }
        }

        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            // The planner's statistics, as autovacuum keeps them in a running database (the test cluster runs without it,
            // so a database just seeded would be planned as if its tables were empty).
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var worker = await db.Users.Where(u => u.UserName == "social.worker").Select(u => u.Id).FirstAsync();
        var children = await db.Set<CaseAllocation>().Where(a => a.To == null && a.WorkerId == worker).Select(a => a.PersonId).Distinct().Take(20).ToListAsync();
        var board = await db.Set<Governance.Board>().Where(b => b.Name.Contains("Quality Assurance")).Select(b => b.Id).FirstOrDefaultAsync();
        var meeting = await db.Set<Governance.BoardMeeting>().Where(m => m.BoardId == board && m.Status == Governance.MeetingStatus.Held)
            .OrderByDescending(m => m.HeldOn).Select(m => m.Id).FirstOrDefaultAsync();
        return new Arrangement(
            large, await db.Set<CaseAllocation>().CountAsync(a => a.To == null && a.TeamId == large),
            small, await db.Set<CaseAllocation>().CountAsync(a => a.To == null && a.TeamId == small),
            children)
        {
            Board = board,
            Meeting = meeting,
        };
    }

    private static Process StartServer(string web, DatabaseSettings settings, int port, string? log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(web);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = settings.Provider.ToString();
        start.Environment["ConnectionStrings__Safeguard"] = settings.ConnectionString;
        start.Environment["Demo__SeedOnFirstStart"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (log is not null)
        {
            // Every SQL command with its duration, to see where a slow page spends its time.
            start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
        var writer = log is null ? null : TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                writer?.WriteLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"web: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(Uri baseUrl, Process server)
    {
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The web app stopped with exit code {server.ExitCode}.");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException("The web app did not answer /health within two minutes.");
    }

    /// <summary>Signs a demo user in through the pages: password, then the current code from their authenticator secret.</summary>
    private static async Task<CookieContainer> SignInAsync(Uri baseUrl, string userName)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        using var password = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = DemoSeeder.DemoPassword,
            ["__RequestVerificationToken"] = Token(form),
        });
        var twoFactor = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), password);
        var twoFactorPage = await twoFactor.Content.ReadAsStringAsync();
        if (!twoFactor.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{userName}: the password was not accepted.");
        }

        using var code = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Totp.CodeAt(DemoSeeder.AuthenticatorSecretFor(userName), DateTimeOffset.UtcNow),
            ["__RequestVerificationToken"] = Token(twoFactorPage),
        });
        var signedIn = await client.PostAsync(new Uri(twoFactor.RequestMessage.RequestUri.PathAndQuery, UriKind.Relative), code);
        if (signedIn.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/account", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{userName}: the authenticator code was not accepted.");
        }

        return cookies;
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The form has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>
    /// The measured latencies, the failures, and the processor time the web app's process used over the measured
    /// requests (user and system, all threads): divided by the requests, a figure that does not depend on how busy the
    /// machine is (unlike the latencies, which include the time spent waiting for a core).
    /// </summary>
    private sealed record Result(List<double> Latencies, int Failed, TimeSpan? ServerCpu = null)
    {
        public string Row(string page, int users)
        {
            var requests = Latencies.Count + Failed;
            var cpu = ServerCpu is { } used && requests > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{used.TotalMilliseconds / requests:0.0}")
                : "";
            if (Latencies.Count == 0)
            {
                return $"| {page} | {users} | 0 | | | | {Failed} | {cpu} |";
            }

            Latencies.Sort();
            double At(double q) => Latencies[Math.Min(Latencies.Count - 1, (int)Math.Ceiling(q * Latencies.Count) - 1)];
            return string.Create(CultureInfo.InvariantCulture, $"| {page} | {users} | {Latencies.Count} | {At(0.5):0} | {At(0.95):0} | {Latencies[^1]:0} | {Failed} | {cpu} |");
        }
    }

    /// <summary>The processor time (user and system) a process has used so far, from /proc (null where there is none).</summary>
    private static TimeSpan? ProcessorTime(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 14th and
        // 15th fields of the line, in clock ticks (100 a second on Linux).
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>
    /// <paramref name="users"/> concurrent clients with the page's user's session request the page until
    /// <paramref name="total"/> requests were made or <paramref name="limit"/> passed; one unmeasured request first warms it.
    /// </summary>
    private static async Task<Result> MeasureAsync(Uri baseUrl, CookieContainer cookies, Func<string> path, int users, int total, TimeSpan timeout, TimeSpan limit, int serverProcess)
    {
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = users };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = timeout };
        var latencies = new List<double>();
        var failed = 0;
        if (users == 1)
        {
            try
            {
                (await client.GetAsync(new Uri(path(), UriKind.Relative))).Dispose();
            }
            catch (TaskCanceledException)
            {
                return new Result(latencies, 1);
            }
        }

        var cpuBefore = ProcessorTime(serverProcess);
        var started = Stopwatch.StartNew();
        var remaining = total;
        async Task Client()
        {
            while (Interlocked.Decrement(ref remaining) >= 0 && started.Elapsed < limit)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.GetAsync(new Uri(path(), UriKind.Relative));
                    _ = await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Console.Error.WriteLine($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
                        Interlocked.Increment(ref failed);
                        continue;
                    }

                    lock (latencies)
                    {
                        latencies.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(Client)));
        var cpuAfter = ProcessorTime(serverProcess);
        return new Result(latencies, failed, cpuAfter - cpuBefore);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    /// <summary>The built web app beside this checkout: src/Safeguard.Web/bin/Release/net10.0/Safeguard.Web.dll.</summary>
    private static string WebAppPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Safeguard.slnx")))
        {
            folder = folder.Parent;
        }

        return folder is null
            ? "src/Safeguard.Web/bin/Release/net10.0/Safeguard.Web.dll"
            : Path.Combine(folder.FullName, "src", "Safeguard.Web", "bin", "Release", "net10.0", "Safeguard.Web.dll");
    }
}
