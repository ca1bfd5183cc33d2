using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// Missing episodes and return home interviews. The front door and social workers record episodes against a
/// child's record; the police report them (page or API) with the child's details, and see only what their agency
/// reported. Every change is audited and carries the version it was made from; every view of a child's episodes
/// is audited.
/// </summary>
public sealed partial class MissingEpisodeService(
    SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar, VersionedCache<KeptMissingOverview> keptOverviews, IServiceScopeFactory scopes)
{
    public const string EntityType = nameof(MissingEpisode);
    public const string InterviewEntityType = nameof(ReturnInterview);
    public const string TimescaleRule = "return-home-interview";

    private DateTimeOffset Now => db.Time.GetUtcNow();

    /// <summary>Records an episode for a child the actor may see (front door or social worker).</summary>
    public async Task<MissingEpisode> RecordAsync(Guid personId, MissingEpisodeDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var problems = await CheckAsync(details, details.ReportedByAgencyId, partner: false, cancellationToken);
        RecordKeeping.ThrowIfAny(problems);
        var episode = New(details, details.ReportedByAgencyId!.Value, actor, partner: false);
        episode.PersonId = child.Id;
        episode.DescribedName = child.DisplayName;
        episode.DescribedDateOfBirth = child.DateOfBirth;
        await MarkCareAsync(episode, cancellationToken);
        using (db.BeginProcess("Missing.RecordEpisode", actor))
        {
            db.Add(episode);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return episode;
    }

    /// <summary>
    /// A police report of a missing child, for the actor's own agency. The child is named by id only when they are on
    /// an earlier report of the agency; otherwise by details: matched on NHS number or UPN, else added to the person
    /// index through its duplicate check, and when look-alikes exist the episode is left for the front door to identify.
    /// </summary>
    public async Task<MissingEpisode> ReportAsync(MissingReport report, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<ValidationProblem>();
        var agency = actor.AgencyId is { } a ? await db.Agencies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a && x.IsActive, cancellationToken) : null;
        if (agency is not { Type: AgencyType.Police })
        {
            problems.Add(new("ReportedByAgencyId", "Only a member of a police force can report a child missing here"));
        }

        problems.AddRange(await CheckAsync(report.Episode, agency?.Id, partner: true, cancellationToken));
        if (report.PersonId is { } known)
        {
            if (!await db.Set<MissingEpisode>().AnyAsync(e => e.PersonId == known && e.ReportedByAgencyId == actor.AgencyId, cancellationToken))
            {
                problems.Add(new("Child", "Give the child's details: name, date of birth and any NHS number or UPN"));
            }
        }
        else if (report.Child is null)
        {
            problems.Add(new("Child", "Give the child's details: name, date of birth and any NHS number or UPN"));
        }

        RecordKeeping.ThrowIfAny(problems);
        var episode = New(report.Episode, agency!.Id, actor, partner: true);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        try
        {
            if (report.PersonId is { } personId)
            {
                var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == personId, cancellationToken);
                (episode.PersonId, episode.DescribedName, episode.DescribedDateOfBirth) = (person.MergedIntoId ?? person.Id, person.DisplayName, person.DateOfBirth);
            }
            else
            {
                await DescribeAsync(episode, report.Child!, actor, cancellationToken);
            }

            await MarkCareAsync(episode, cancellationToken);
            using (db.BeginProcess("Missing.ReportEpisode", actor))
            {
                db.Add(episode);
                await db.SaveAndClearAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        return episode;
    }

    /// <summary>Changes an episode (its return among the rest); refused when it was changed since <paramref name="version"/> was read.</summary>
    public async Task ChangeAsync(Guid episodeId, int version, MissingEpisodeDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var episode = await EpisodeForChangeAsync(episodeId, actor, cancellationToken);
        var problems = await CheckAsync(details, details.ReportedByAgencyId ?? episode.ReportedByAgencyId, partner: false, cancellationToken);
        if (episode.Interview is { } interview && details.EndedAt is { } ended && interview.OfferedAt < ended)
        {
            problems.Add(new("EndedAt", "The return cannot be after the return home interview was offered"));
        }
        else if (episode.Interview is not null && details.EndedAt is null)
        {
            problems.Add(new("EndedAt", "A return home interview was offered: the child has returned, so enter when"));
        }

        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Missing.ChangeEpisode", actor))
        {
            db.Entry(episode).Property(e => e.Version).OriginalValue = version;
            Apply(episode, details, details.ReportedByAgencyId ?? episode.ReportedByAgencyId, partner: false);
            await MarkCareAsync(episode, cancellationToken);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Records the child's return: when and where found. The reporting agency may record it on its own report; the
    /// front door and social workers (<paramref name="partner"/> false) on any episode of a child they may see.
    /// </summary>
    public async Task RecordReturnAsync(Guid episodeId, int version, DateTimeOffset? endedAt, string? whereFound, bool partner, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var episode = partner
            ? await db.Set<MissingEpisode>().FirstOrDefaultAsync(e => e.Id == episodeId && e.ReportedByAgencyId == actor.AgencyId, cancellationToken)
            : await EpisodeForChangeAsync(episodeId, actor, cancellationToken);
        if (episode is null)
        {
            throw new SafeguardValidationException("EpisodeId", "There is no such episode reported by your agency");
        }

        var problems = new List<ValidationProblem>();
        if (episode.HasEnded)
        {
            problems.Add(new("EndedAt", "The child's return has already been recorded"));
        }

        CheckReturn(problems, episode.StartedAt, endedAt, whereFound);
        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Missing.RecordReturn", actor))
        {
            db.Entry(episode).Property(e => e.Version).OriginalValue = version;
            episode.EndedAt = endedAt!.Value.ToUniversalTime();
            episode.WhereFound = whereFound!.Trim();
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Links a child a report described to their record in the person index (front door).</summary>
    public async Task LinkChildAsync(Guid episodeId, int version, Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        var episode = await db.Set<MissingEpisode>().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken)
            ?? throw new SafeguardValidationException("EpisodeId", "There is no such episode");
        if (episode.PersonId is not null)
        {
            throw new SafeguardValidationException("PersonId", "The child on this episode has already been identified");
        }

        var child = await ChildAsync(personId, actor, cancellationToken);
        using (db.BeginProcess("Missing.IdentifyChild", actor))
        {
            db.Entry(episode).Property(e => e.Version).OriginalValue = version;
            episode.PersonId = child.Id;
            await MarkCareAsync(episode, cancellationToken);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Records the return home interview, or changes it (<paramref name="version"/> is the interview's version; any
    /// number for a first recording). The episode must have ended and its child be identified.
    /// </summary>
    public async Task RecordInterviewAsync(Guid episodeId, int version, ReturnInterviewDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var episode = await EpisodeForChangeAsync(episodeId, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (episode.EndedAt is not { } ended)
        {
            throw new SafeguardValidationException("OfferedAt", "Record the child's return first: an interview is offered after they return");
        }

        CheckInterview(problems, details, ended);
        RecordKeeping.ThrowIfAny(problems);
        var interview = episode.Interview;
        using (db.BeginProcess(interview is null ? "Missing.RecordInterview" : "Missing.ChangeInterview", actor))
        {
            if (interview is null)
            {
                interview = new ReturnInterview { EpisodeId = episode.Id, Interviewer = "", RecordedByName = RecordKeeping.Fit(actor.Name, ReturnInterview.MaxNameLength), RecordedAt = Now };
                db.Add(interview);
            }
            else
            {
                db.Entry(interview).Property(i => i.Version).OriginalValue = version;
            }

            interview.OfferedAt = details.OfferedAt!.Value.ToUniversalTime();
            interview.Interviewer = details.Interviewer!.Trim();
            interview.Organisation = RecordKeeping.Tidy(details.Organisation);
            interview.Independent = details.Independent!.Value;
            interview.Outcome = details.Outcome!.Value;
            interview.HeldAt = details.Outcome == ReturnInterviewOutcome.Accepted ? details.HeldAt!.Value.ToUniversalTime() : null;
            interview.Reason = details.Outcome is ReturnInterviewOutcome.Declined or ReturnInterviewOutcome.NotPossible ? RecordKeeping.Tidy(details.Reason) : null;
            interview.PushFactors = RecordKeeping.Tidy(details.PushFactors);
            interview.PullFactors = RecordKeeping.Tidy(details.PullFactors);
            interview.WhereTheyWere = RecordKeeping.Tidy(details.WhereTheyWere);
            interview.WithWhom = RecordKeeping.Tidy(details.WithWhom);
            interview.Notes = RecordKeeping.Tidy(details.Notes);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    private async Task<Person> ChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken)
    {
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        return child is { Kind: PersonKind.Child, MergedIntoId: null }
            ? child
            : throw new SafeguardValidationException("PersonId", "There is no such child, or their record was merged into another");
    }

    private async Task<MissingEpisode> EpisodeForChangeAsync(Guid episodeId, Actor actor, CancellationToken cancellationToken)
    {
        var episode = await db.Set<MissingEpisode>().Include(e => e.Interview).FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null || (episode.PersonId is { } personId && !await people.Visible(actor).AnyAsync(p => p.Id == personId, cancellationToken)))
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("EpisodeId", "There is no such episode");
        }

        return episode;
    }

    private async Task DescribeAsync(MissingEpisode episode, NewPerson details, Actor actor, CancellationToken cancellationToken)
    {
        details = details with { Kind = PersonKind.Child };
        var nhs = string.IsNullOrWhiteSpace(details.NhsNumber) ? null : NhsNumber.Normalise(details.NhsNumber);
        var upn = string.IsNullOrWhiteSpace(details.Upn) ? null : UniquePupilNumber.Normalise(details.Upn);
        episode.DescribedName = RecordKeeping.Fit($"{details.GivenNames?.Trim()} {details.FamilyName?.Trim()}".Trim(), 201);
        episode.DescribedDateOfBirth = details.DateOfBirth;
        episode.DescribedNhsNumber = nhs is { Length: <= 10 } ? nhs : null;
        episode.DescribedUpn = upn is { Length: <= 13 } ? upn : null;
        var known = await db.Set<Person>().AsNoTracking()
            .Where(p => p.MergedIntoId == null && p.Kind == PersonKind.Child
                && ((episode.DescribedNhsNumber != null && p.NhsNumber == episode.DescribedNhsNumber) || (episode.DescribedUpn != null && p.Upn == episode.DescribedUpn)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        if (known.Count == 1)
        {
            episode.PersonId = known[0];
            return;
        }

        if (known.Count > 1)
        {
            return;
        }

        try
        {
            episode.PersonId = (await people.CreateAsync(details, [], actor, cancellationToken)).Id;
        }
        catch (PossibleDuplicatesException)
        {
            // The police may not see who the look-alikes are: the front door identifies the child.
        }
        catch (SafeguardValidationException ex)
        {
            throw new SafeguardValidationException([.. ex.Problems.Select(p => new ValidationProblem($"Child.{p.Field}", p.Message))]);
        }
    }

    /// <summary>
    /// A child who was looked after when they went missing (a care episode covering the UK date the episode started) is
    /// missing from care, whatever the report said: the care records decide.
    /// </summary>
    private async Task MarkCareAsync(MissingEpisode episode, CancellationToken cancellationToken)
    {
        if (episode.PersonId is { } child && !episode.LookedAfter
            && await LookedAfter.CareAtTime.EpisodeOnAsync(db, child, Calendar.UkTime.ToUkDate(episode.StartedAt), cancellationToken) is not null)
        {
            episode.LookedAfter = true;
        }
    }

    private MissingEpisode New(MissingEpisodeDetails details, Guid agencyId, Actor actor, bool partner)
    {
        var episode = new MissingEpisode
        {
            DescribedName = "",
            ReportedByName = "",
            RecordedAt = Now,
            RecordedByUserId = actor.UserId,
            RecordedByName = RecordKeeping.Fit(actor.Name, MissingEpisode.MaxNameLength),
            ReportedByPartner = partner,
        };
        Apply(episode, details, agencyId, partner);
        return episode;
    }

    private static void Apply(MissingEpisode episode, MissingEpisodeDetails details, Guid agencyId, bool partner)
    {
        episode.Kind = details.Kind!.Value;
        episode.StartedAt = details.StartedAt!.Value.ToUniversalTime();
        episode.EndedAt = details.EndedAt?.ToUniversalTime();
        episode.From = details.From!.Value;
        episode.WhereFound = details.EndedAt is null ? null : RecordKeeping.Tidy(details.WhereFound);
        episode.RiskAtReport = details.RiskAtReport;
        episode.LookedAfter = details.LookedAfter!.Value;
        episode.Circumstances = RecordKeeping.Tidy(details.Circumstances);
        episode.PoliceReference = RecordKeeping.Tidy(details.PoliceReference);
        episode.ReportedByAgencyId = agencyId;
        episode.ReportedByName = details.ReportedByName!.Trim();
        episode.ReportedByPartner = episode.ReportedByPartner || partner;
    }
}
