using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Interchange.Cin;
using Safeguard.People;
using Safeguard.Persistence;
using static Safeguard.LookedAfter.RecordInput;

namespace Safeguard.LookedAfter;

/// <summary>A child's health and wellbeing in a year, with what OC2 would write for it and what it lacks.</summary>
public sealed record WellbeingView(
    Guid PersonId,
    string ChildName,
    DateOnly? DateOfBirth,
    CinCollection Collection,
    WellbeingRecord? Record,
    bool InCohort,
    bool AsksSdq,
    bool AsksConvictions,
    bool AsksDevelopmentChecks,
    Oc2Row Oc2);

/// <summary>
/// Looked-after children's health and wellbeing, a record a year (<see cref="WellbeingRecord"/>): the SDQ, immunisations,
/// development checks, substance misuse and convictions the SSDA903 OC2 table asks of the children looked after for 12
/// months. Every item may be left blank (not recorded); what is given is checked against the return's rules for the
/// child's age, so a record saved here never makes an error in the return. Every change is audited and carries the
/// version it was made from; every view is in the access audit. docs/adr/0089.
/// </summary>
public sealed class WellbeingService(SafeguardDbContext db, PersonIndex people)
{
    public const string EntityType = nameof(WellbeingRecord);

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>The collection years a record may be kept for: from 2000-01 to the one running today.</summary>
    public CinCollection LatestYear => CinCollection.Containing(Today);

    /// <summary>The child's record for the year with what OC2 writes from it; null when there is no such child the actor may see. Audited.</summary>
    public async Task<WellbeingView?> ForChildAsync(Guid personId, int year, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.Kind == PersonKind.Child && p.MergedIntoId == null, cancellationToken);
        if (child is null || year < 2000 || year > LatestYear.StartYear)
        {
            return null;
        }

        var collection = CinCollection.ForStartYear(year);
        var record = await db.Set<WellbeingRecord>().AsNoTracking().FirstOrDefaultAsync(w => w.PersonId == personId && w.Year == year, cancellationToken);
        var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        var checks = await db.Set<HealthCheck>().AsNoTracking().Where(h => h.PersonId == personId && h.DoneOn >= collection.Start.AddMonths(-12) && h.DoneOn <= collection.ReferenceDate).ToListAsync(cancellationToken);
        using (db.BeginProcess("LookedAfter.ViewWellbeing", actor))
        {
            db.RecordAccess(PersonIndex.EntityType, personId.ToString(), AuditAction.Viewed, $"health and wellbeing {collection.Name}");
            await db.SaveChangesAsync(cancellationToken);
        }

        var dob = child.DateOfBirth;
        return new WellbeingView(
            child.Id, child.DisplayName, dob, collection, record, Oc2Outcomes.InCohort(episodes, collection),
            Oc2Outcomes.AsksSdq(dob, collection), Oc2Outcomes.AsksConvictions(dob, collection), Oc2Outcomes.AsksDevelopmentChecks(dob, collection),
            Oc2Outcomes.Row(record, dob, checks, collection));
    }

    /// <summary>Records the child's health and wellbeing for <paramref name="year"/>: a new record (no <paramref name="version"/>) or a change of the one read.</summary>
    /// <exception cref="SafeguardValidationException">An item breaks the return's rules for the child's age, or a new record when one is kept.</exception>
    /// <exception cref="ConcurrencyConflictException">The record was changed (or made) by someone else since it was read.</exception>
    public async Task<WellbeingRecord> RecordAsync(Guid personId, int year, int? version, WellbeingDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (child is not { Kind: PersonKind.Child, MergedIntoId: null })
        {
            throw new SafeguardValidationException("PersonId", "There is no such child, or their record was merged into another");
        }

        if (year < 2000 || year > LatestYear.StartYear)
        {
            throw new SafeguardValidationException("Year", $"Choose a year from 2000-01 to {LatestYear.Name}");
        }

        var collection = CinCollection.ForStartYear(year);
        var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        var problems = Check(details, child.DateOfBirth, collection, episodes);
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var existing = await db.Set<WellbeingRecord>().FirstOrDefaultAsync(w => w.PersonId == personId && w.Year == year, cancellationToken);
        RefuseStale(db, existing is not null, version, $"The child's health and wellbeing for {collection.Name}");

        try
        {
            using (db.BeginProcess("LookedAfter.RecordWellbeing", actor))
            {
                var record = existing ?? new WellbeingRecord { PersonId = personId, Year = year, RecordedByName = "" };
                if (existing is null)
                {
                    db.Add(record);
                }
                else
                {
                    db.Entry(existing).Property(e => e.Version).OriginalValue = version!.Value;
                }

                Apply(record, details);
                record.RecordedAt = db.Time.GetUtcNow();
                record.RecordedByName = actor.Name.Length <= CareEpisode.MaxNameLength ? actor.Name : actor.Name[..CareEpisode.MaxNameLength];
                await db.SaveChangesAsync(cancellationToken);
                return record;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static void Apply(WellbeingRecord record, WellbeingDetails d)
    {
        record.SdqScore = d.SdqScore;
        record.SdqDoneOn = d.SdqScore is null ? null : d.SdqDoneOn;
        record.SdqReason = d.SdqScore is null ? Tidy(d.SdqReason) : null;
        record.ImmunisationsUpToDate = d.ImmunisationsUpToDate;
        record.ImmunisationsAsAt = d.ImmunisationsUpToDate is null ? null : d.ImmunisationsAsAt;
        record.DevelopmentChecksUpToDate = d.DevelopmentChecksUpToDate;
        record.SubstanceMisuse = d.SubstanceMisuse;
        record.InterventionReceived = d.SubstanceMisuse == true ? d.InterventionReceived : null;
        record.InterventionOffered = d.SubstanceMisuse == true && d.InterventionReceived == false ? d.InterventionOffered : null;
        record.Convicted = d.Convicted;
    }

    /// <summary>The record's items against the return's rules for the child's age (SSDA903 180, 196, 197a, 157, 188, 189, 542, 546, 158, 159, 192, 193).</summary>
    private List<ValidationProblem> Check(WellbeingDetails d, DateOnly? dob, CinCollection collection, List<CareEpisode> episodes)
    {
        var problems = new List<ValidationProblem>();
        var lastDay = collection.ReferenceDate < Today ? collection.ReferenceDate : Today;
        var ageAtEnd = dob is { } b ? Interchange.Ssda903.Rules.Ages.On(b, collection.ReferenceDate) : (int?)null;
        var ageAtStart = dob is { } s ? Interchange.Ssda903.Rules.Ages.On(s, collection.Start) : (int?)null;
        if (!episodes.Any(e => e.StartedOn <= collection.ReferenceDate && (e.EndedOn is not { } end || end >= collection.Start)))
        {
            problems.Add(new("Year", $"The child was not looked after in {collection.Name}: there is no health and wellbeing to record for the return"));
        }

        var sdqGiven = d.SdqScore is not null || !string.IsNullOrWhiteSpace(d.SdqReason);
        if (sdqGiven && ageAtEnd < 4)
        {
            problems.Add(new("SdqScore", "The child is under 4 on 31 March: the SDQ is not asked (SSDA903 rule 188)"));
        }
        else if (sdqGiven && ageAtStart >= 17)
        {
            problems.Add(new("SdqScore", "The young person was 17 or over on 1 April: the SDQ is not asked (SSDA903 rule 189)"));
        }
        else if (d.SdqScore is { } score)
        {
            if (score is < 0 or > 40)
            {
                problems.Add(new("SdqScore", "The SDQ score is a whole number from 0 to 40"));
            }

            if (!string.IsNullOrWhiteSpace(d.SdqReason))
            {
                problems.Add(new("SdqReason", "With a score there is no reason for no score: leave the reason blank (SSDA903 rule 197a)"));
            }

            InYear(d.SdqDoneOn, "SdqDoneOn", "the date the questionnaire was completed");
        }
        else if (Tidy(d.SdqReason) is { } reason)
        {
            if (!SdqReasons.IsCode(reason))
            {
                problems.Add(new("SdqReason", $"{reason} is not a reason for no SDQ score (SDQ1 to SDQ5)"));
            }
            else if (reason == "SDQ1" && ageAtStart >= 4 && ageAtEnd <= 16)
            {
                problems.Add(new("SdqReason", "SDQ1 is for a child under 4 or over 17 at the assessment; this child was 4 to 16 all year (SSDA903 rule 157)"));
            }
        }

        if (d.ImmunisationsUpToDate is not null)
        {
            InYear(d.ImmunisationsAsAt, "ImmunisationsAsAt", "the date the immunisations were checked");
        }

        if (d.DevelopmentChecksUpToDate is not null && ageAtEnd >= 5)
        {
            problems.Add(new("DevelopmentChecks", "The child is 5 or over on 31 March: development checks are asked only for children under 5 (SSDA903 rule 546)"));
        }

        if (d.Convicted is not null && ageAtEnd < 10)
        {
            problems.Add(new("Convicted", "The child is under 10 on 31 March: convictions are not asked (SSDA903 rule 542)"));
        }

        if (d.SubstanceMisuse == true && d.InterventionReceived is null)
        {
            problems.Add(new("InterventionReceived", "Select whether the child received an intervention for the substance misuse problem (SSDA903 rule 192)"));
        }
        else if (d.SubstanceMisuse == true && d.InterventionReceived == false && d.InterventionOffered is null)
        {
            problems.Add(new("InterventionOffered", "Select whether an intervention was offered (SSDA903 rule 159)"));
        }
        else if (d.SubstanceMisuse is not true && (d.InterventionReceived is not null || d.InterventionOffered is not null))
        {
            problems.Add(new("InterventionReceived", "Interventions are recorded only when a substance misuse problem was identified (SSDA903 rule 193)"));
        }

        return problems;

        void InYear(DateOnly? date, string field, string what)
        {
            if (date is not { } on)
            {
                problems.Add(new(field, $"Enter {what}"));
            }
            else if (on < collection.Start || on > lastDay)
            {
                problems.Add(new(field, $"{char.ToUpperInvariant(what[4])}{what[5..]} must be in {collection.Name}, from {Words(collection.Start)} to {Words(lastDay)}"));
            }
        }
    }

    private static string Words(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}
