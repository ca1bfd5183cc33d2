using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.InformationGovernance;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard records ...</c>: who may see a person's record. <c>restriction</c> shows it; <c>restrict</c> limits it
/// to named users; <c>lift-restriction</c> opens it again. Changes are made as the user named by <c>--by</c> (who must
/// be on the list to restrict, as on the page) and audited with the reason. <c>sar</c> writes a subject access request
/// export of everything held about one person (docs/security.md), as a user holding <c>records.subjectaccess</c>.
/// </summary>
public static class RecordCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("records", "A person's record: who may see it (restricting and lifting a restriction) and subject access request exports")
        {
            Show(services), Restrict(services), Lift(services), SubjectAccess(services),
        };
    }

    private static Argument<Guid> PersonArgument() => new("person") { Description = "The person's record id" };

    private static Option<string> ByOption() => new("--by") { Description = "The user name of the person making the change (audited as them)", Required = true };

    private static Option<string> ReasonOption() => new("--reason") { Description = "Why the record's access is being changed", Required = true };

    private static Command Show(CliServices services)
    {
        var person = PersonArgument();
        var by = new Option<string>("--by") { Description = "Read as this user (a restricted record exists only for the users on its list)", Required = true };
        var command = new Command("restriction", "Show whether a record is restricted, who may see it, and who changed that, when and why") { person, by };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var actor = await ActorAsync(scope.ServiceProvider, parseResult.GetRequiredValue(by), "--by", cancellationToken);
            var view = await scope.ServiceProvider.GetRequiredService<RecordRestriction>().GetAsync(parseResult.GetValue(person), actor, cancellationToken)
                ?? throw new ArgumentException($"<person>: there is no record {parseResult.GetValue(person)} that {parseResult.GetRequiredValue(by)} may see.");
            await output.WriteLineAsync(view.IsRestricted
                ? $"{view.Name}: restricted to {string.Join(", ", view.Users.Select(u => $"{u.UserName} ({u.DisplayName}, {u.AgencyName})"))}."
                : $"{view.Name}: not restricted.");
            foreach (var change in view.History)
            {
                await output.WriteLineAsync($"{CommandSupport.FormatUkInstant(change.At)} {(change.Restricted ? "restricted" : "restriction lifted")} by {change.By}: {change.Reason}");
            }
        });
        return command;
    }

    private static Command Restrict(CliServices services)
    {
        var person = PersonArgument();
        var user = new Option<string[]>("--user") { Description = "The user name of someone who may see the record (repeat for more; --by is always added)", AllowMultipleArgumentsPerToken = false };
        var by = ByOption();
        var reason = ReasonOption();
        var command = new Command("restrict", "Restrict a record to named users; everyone else cannot find or open it") { person, user, by, reason };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var users = parseResult.GetValue(user) ?? [];
            await ChangeAsync(services, parseResult, person, by, reason, users, output, cancellationToken);
        });
        return command;
    }

    private static Command Lift(CliServices services)
    {
        var person = PersonArgument();
        var by = ByOption();
        var reason = ReasonOption();
        var command = new Command("lift-restriction", "Lift a record's restriction: everyone who may see children's records can find it again") { person, by, reason };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
            await ChangeAsync(services, parseResult, person, by, reason, null, output, cancellationToken));
        return command;
    }

    private static Command SubjectAccess(CliServices services)
    {
        var person = PersonArgument();
        var by = new Option<string>("--by") { Description = "The user name of the person making the export (must hold records.subjectaccess; audited as them)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the export is made (for example the request's reference); audited", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The ZIP file to write (JSON of everything, and a workbook with a sheet per record type)", Required = true };
        var command = new Command("sar", "Write a subject access request export: everything held about the person and every access to their record") { person, by, reason, output };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var userName = parseResult.GetRequiredValue(by);
            var actor = await ActorAsync(scope.ServiceProvider, userName, "--by", cancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            if (!await UserPermissions.HoldsAsync(db, actor.UserId!.Value, Permissions.ExportSubjectAccess, cancellationToken))
            {
                throw new ArgumentException($"--by: {userName} may not make subject access exports (it needs {Permissions.ExportSubjectAccess.Name}, held by the {Roles.InformationGovernance} role).");
            }

            var file = parseResult.GetRequiredValue(output);
            if (file.Directory is { Exists: false } directory)
            {
                throw new ArgumentException($"--output: the folder {directory.FullName} does not exist.");
            }

            var export = await scope.ServiceProvider.GetRequiredService<SubjectAccessExport>()
                .ExportAsync(parseResult.GetValue(person), parseResult.GetValue(reason), actor, cancellationToken);

            await File.WriteAllBytesAsync(file.FullName, export.Content, cancellationToken);
            await writer.WriteLineAsync($"Wrote {export.Records} records and {export.AuditEvents} audit events to {file.FullName}.");
            await writer.WriteLineAsync("Records that also name other people are marked (NamesOtherPeople, and the workbook's second column): review them before release.");
        });
        return command;
    }

    private static async Task ChangeAsync(
        CliServices services, ParseResult parseResult, Argument<Guid> person, Option<string> by, Option<string> reason, string[]? users, TextWriter output, CancellationToken cancellationToken)
    {
        await using var provider = services.OpenServices(parseResult);
        using var scope = provider.CreateScope();
        var actor = await ActorAsync(scope.ServiceProvider, parseResult.GetRequiredValue(by), "--by", cancellationToken);
        var restriction = scope.ServiceProvider.GetRequiredService<RecordRestriction>();
        var id = parseResult.GetValue(person);
        var view = await restriction.GetAsync(id, actor, cancellationToken)
            ?? throw new ArgumentException($"<person>: there is no record {id} that {parseResult.GetRequiredValue(by)} may see.");
        await restriction.SetAsync(id, view.Version, users, parseResult.GetRequiredValue(reason), actor, cancellationToken);
        var after = (await restriction.GetAsync(id, actor, cancellationToken))!;
        await output.WriteLineAsync(after.IsRestricted
            ? $"{after.Name} is restricted to {string.Join(", ", after.Users.Select(u => u.UserName))}."
            : $"{after.Name} is no longer restricted.");
    }

    /// <summary>The named user as the actor: their own name, id and agency, as if they had used the page.</summary>
    internal static async Task<Actor> ActorAsync(IServiceProvider services, string userName, string option, CancellationToken cancellationToken)
    {
        var normalised = userName.Trim().ToUpperInvariant();
        var user = await services.GetRequiredService<SafeguardDbContext>().Users.AsNoTracking()
            .FirstOrDefaultAsync(u => u.NormalizedUserName == normalised, cancellationToken)
            ?? throw new ArgumentException($"{option}: there is no user called '{userName}'.");
        if (user.IsDisabled)
        {
            throw new ArgumentException($"{option}: {userName} is disabled.");
        }

        return new Actor(user.Id, $"{user.DisplayName} (safeguard CLI)", user.AgencyId);
    }
}
