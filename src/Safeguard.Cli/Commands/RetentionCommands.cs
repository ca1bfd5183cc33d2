using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Dataset;
using Safeguard.Identity;
using Safeguard.InformationGovernance;
using Safeguard.Persistence;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard retention ...</c>: the retention schedule (docs/retention.md). <c>rules</c> shows the rule in force for each
/// record type; <c>set-rule</c> changes one; <c>due</c> lists the records due for deletion or review; <c>apply</c> is a dry
/// run unless <c>--confirm</c> is given. Every verb runs as the user named by <c>--by</c>, who must hold
/// <c>records.retention</c>, and is audited as them.
/// </summary>
public static class RetentionCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("retention", "The retention schedule: the rule for each record type, what is due for deletion or review, and applying it")
        {
            Rules(services), SetRule(services), Due(services), Apply(services),
        };
    }

    private static Option<string> ByOption() => new("--by") { Description = "The user name of the person running the schedule (must hold records.retention; audited as them)", Required = true };

    private static Command Rules(CliServices services)
    {
        var by = ByOption();
        var command = new Command("rules", "Show the retention rule in force for each record type, and whether it is the default or the partnership's own") { by };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            await ActorAsync(scope.ServiceProvider, parseResult.GetRequiredValue(by), cancellationToken);
            var rules = await scope.ServiceProvider.GetRequiredService<RetentionSchedule>().RulesAsync(cancellationToken);
            await CommandSupport.WriteTableAsync(output,
            [
                ["Type", "Rule", "Set by", "Record type"],
                .. rules.Select(r => new[] { r.Type.Key, r.Describe(), r.IsLocal ? $"{r.ChangedBy} on {CommandSupport.FormatUkInstant(r.ChangedAt!.Value)}" : "default", r.Type.Description }),
                [RetentionRecordTypes.CensusUpload, "the days set by Cin:UploadRetention, then delete", "configuration", "A children in need census upload, its file and its issues"],
            ]);
        });
        return command;
    }

    private static Command SetRule(CliServices services)
    {
        var type = new Argument<string>("type") { Description = $"The record type: {string.Join(", ", RetentionRecordTypes.All.Select(t => t.Key))}" };
        var years = new Option<int>("--years") { Description = "The period in whole years from the type's starting date", Required = true };
        var action = new Option<string>("--action") { Description = "What happens at the end: delete or review", Required = true };
        action.AcceptOnlyFromAmong("delete", "review");
        var reason = new Option<string>("--reason") { Description = "Why the rule is changing (for example the board's decision); audited", Required = true };
        var by = ByOption();
        var command = new Command("set-rule", "Set the partnership's own retention rule for a record type (audited)") { type, years, action, reason, by };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var actor = await ActorAsync(scope.ServiceProvider, parseResult.GetRequiredValue(by), cancellationToken);
            var schedule = scope.ServiceProvider.GetRequiredService<RetentionSchedule>();
            await schedule.SetRuleAsync(parseResult.GetRequiredValue(type), parseResult.GetValue(years),
                Enum.Parse<RetentionAction>(parseResult.GetRequiredValue(action), ignoreCase: true), parseResult.GetValue(reason), actor, cancellationToken);
            var rule = (await schedule.RulesAsync(cancellationToken)).Single(r => string.Equals(r.Type.Key, parseResult.GetRequiredValue(type), StringComparison.OrdinalIgnoreCase));
            await output.WriteLineAsync($"{rule.Type.Key}: {rule.Describe()}.");
        });
        return command;
    }

    private static Command Due(CliServices services)
    {
        var asAt = new Option<string?>("--as-at") { Description = "List what is due on this date (yyyy-mm-dd; default today)" };
        var type = new Option<string?>("--type") { Description = "Only this record type" };
        var format = new Option<string>("--format") { Description = "table (default), csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var by = ByOption();
        var command = new Command("due", "List each record due for deletion or review: its type, id, rule, the date it fell due and what holds it") { asAt, type, format, by };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            DateOnly? date = null;
            if (parseResult.GetValue(asAt) is { } text)
            {
                date = CommandSupport.TryParseDate(text, out var parsed, out var problem) ? parsed : throw new ArgumentException($"--as-at: '{text}' {problem}.");
            }

            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var actor = await ActorAsync(scope.ServiceProvider, parseResult.GetRequiredValue(by), cancellationToken);
            var items = await scope.ServiceProvider.GetRequiredService<RetentionSchedule>().DueAsync(date, parseResult.GetValue(type), actor, cancellationToken);
            await WriteItemsAsync(output, items, parseResult.GetValue(format) ?? "table", cancellationToken);
        });
        return command;
    }

    private static Command Apply(CliServices services)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show exactly what would be deleted, and delete nothing (the default)" };
        var confirm = new Option<bool>("--confirm") { Description = "Delete the records due for deletion that nothing holds, in one audited transaction" };
        var by = ByOption();
        var command = new Command("apply", "Apply the retention schedule as at today: a dry run unless --confirm is given") { dryRun, confirm, by };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            if (parseResult.GetValue(dryRun) && parseResult.GetValue(confirm))
            {
                throw new ArgumentException("--confirm: give either --dry-run or --confirm, not both.");
            }

            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var actor = await ActorAsync(scope.ServiceProvider, parseResult.GetRequiredValue(by), cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<RetentionSchedule>().ApplyAsync(parseResult.GetValue(confirm), actor, cancellationToken);
            await output.WriteLineAsync(result.DryRun
                ? $"Dry run: {result.Deleted.Count} record(s) would be deleted; nothing has been. Run with --confirm to delete them."
                : $"Deleted {result.Deleted.Count} record(s).");
            foreach (var item in result.Deleted)
            {
                await output.WriteLineAsync($"{(result.DryRun ? "would delete" : "deleted")}  {item.RecordType}  {item.Id}  due {CommandSupport.FormatDate(item.DueDate)}  ({item.Rule})");
            }

            foreach (var item in result.Held)
            {
                await output.WriteLineAsync($"kept          {item.RecordType}  {item.Id}  due {CommandSupport.FormatDate(item.DueDate)}  held by {string.Join(", ", item.HeldBy)}");
            }

            if (result.ForReview.Count > 0)
            {
                await output.WriteLineAsync($"{result.ForReview.Count} record(s) are due for review, not deletion: list them with 'safeguard retention due'.");
            }
        });
        return command;
    }

    private static async Task WriteItemsAsync(TextWriter output, IReadOnlyList<RetentionDueItem> items, string format, CancellationToken cancellationToken)
    {
        string[] Row(RetentionDueItem i) =>
            [i.RecordType, i.Id.ToString(), i.Rule, CommandSupport.FormatDate(i.DueDate), i.Action == RetentionAction.Delete ? "delete" : "review", string.Join("; ", i.HeldBy)];
        string[] headings = ["Type", "Id", "Rule", "Due", "Action", "Held by"];
        switch (format)
        {
            case "json":
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    items.Select(i => new { i.RecordType, i.Id, i.Rule, DueDate = CommandSupport.FormatDate(i.DueDate), Action = i.Action.ToString(), i.HeldBy }),
                    Indented));
                break;
            case "csv":
                using (var buffer = new MemoryStream())
                {
                    await Spreadsheet.WriteCsvAsync(buffer, headings, items.Select(i => (IReadOnlyList<object?>)Row(i)), cancellationToken);
                    await output.WriteAsync(new UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF'));
                }

                break;
            default:
                if (items.Count == 0)
                {
                    await output.WriteLineAsync("Nothing is due for deletion or review.");
                    return;
                }

                await CommandSupport.WriteTableAsync(output, [headings, .. items.Select(Row)]);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{items.Count} record(s): {items.Count(i => i.WillBeDeleted)} to delete, {items.Count(i => i.Action == RetentionAction.Delete && !i.WillBeDeleted)} held, {items.Count(i => i.Action == RetentionAction.Review)} to review."));
                break;
        }
    }

    private static async Task<Actor> ActorAsync(IServiceProvider services, string userName, CancellationToken cancellationToken)
    {
        var actor = await RecordCommands.ActorAsync(services, userName, "--by", cancellationToken);
        if (!await UserPermissions.HoldsAsync(services.GetRequiredService<SafeguardDbContext>(), actor.UserId!.Value, Permissions.ManageRetention, cancellationToken))
        {
            throw new ArgumentException($"--by: {userName} may not run the retention schedule (it needs {Permissions.ManageRetention.Name}, held by the {Roles.InformationGovernance} role).");
        }

        return actor;
    }
}
