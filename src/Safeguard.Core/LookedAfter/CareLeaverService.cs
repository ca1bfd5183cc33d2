using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Interchange.Ssda903;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Timescales;
using static Safeguard.LookedAfter.RecordInput;

namespace Safeguard.LookedAfter;

/// <summary>
/// Care leavers: the status worked out from the care history (eligible, relevant, former relevant, qualifying), the
/// personal adviser, the adult services flag, pathway plans and their reviews, and the OC3 information at the 17th to
/// 21st birthdays. Every change is audited; every view of a young person's record is in the access audit.
/// </summary>
public sealed class CareLeaverService(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar, LookedAfterService lookedAfter)
{
    public const string CareLeaverEntityType = nameof(CareLeaver);
    public const string PlanEntityType = nameof(PathwayPlan);
    public const string ContactEntityType = nameof(CareLeaverContact);
    public const string FirstPlan = "care-leaver-pathway-plan";
    public const string PlanReview = "care-leaver-pathway-plan-review";

    /// <summary>The first and last birthdays the OC3 table covers.</summary>
    public const int FirstBirthday = 17;
    public const int LastBirthday = 21;

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>Who may be named as a personal adviser: the same as an IRO, active members of children's social care.</summary>
    public IQueryable<IroChoice> AdviserChoices() => lookedAfter.IroChoices();

    /// <summary>The next pathway plan: the first within 3 months of becoming eligible, then a review 6 months after the last.</summary>
    public static NextDue? NextPlan(CareLeaverAssessment assessment, IEnumerable<DateOnly> plans, DeadlineService deadlines)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!assessment.OwedPathwayPlan)
        {
            return null;
        }

        var last = plans.Order().LastOrDefault();
        if (last != default)
        {
            return new NextDue("Pathway plan review", deadlines.Assess(deadlines.Calculate(PlanReview, last)));
        }

        return assessment.EligibleFrom is { } from ? new NextDue("Pathway plan", deadlines.Assess(deadlines.Calculate(FirstPlan, from))) : null;
    }

    /// <summary>The young person's care leaver record; null when there is no such child the actor may see. Audited.</summary>
    public async Task<CareLeaverView?> ForChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var child = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.Kind == PersonKind.Child, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        var record = await db.Set<CareLeaver>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == personId, cancellationToken);
        var plans = await db.Set<PathwayPlan>().AsNoTracking().Where(p => p.PersonId == personId).OrderByDescending(p => p.AgreedOn).ToListAsync(cancellationToken);
        var contacts = await db.Set<CareLeaverContact>().AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        using (db.BeginProcess("CareLeavers.ViewChild", actor))
        {
            db.RecordAccess(PersonIndex.EntityType, personId.ToString(), AuditAction.Viewed, "care leaver record");
            await db.SaveChangesAsync(cancellationToken);
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var assessment = Assess(child.DateOfBirth, episodes, plans.Select(p => p.AgreedOn), deadlines.Today());
        var birthdays = new List<BirthdayView>();
        if (child.DateOfBirth is { } born)
        {
            for (var age = FirstBirthday; age <= LastBirthday; age++)
            {
                var on = born.AddYears(age);
                birthdays.Add(new BirthdayView(age, on, contacts.FirstOrDefault(c => c.Birthday == age), LookedAfterOn(episodes, on)));
            }
        }

        return new CareLeaverView(child.Id, child.DisplayName, child.DateOfBirth, assessment, record, plans, NextPlan(assessment, plans.Select(p => p.AgreedOn), deadlines), birthdays);
    }

    /// <summary>The status, counting a plan agreed on or after the 21st birthday as keeping former relevant support to 25.</summary>
    public static CareLeaverAssessment Assess(DateOnly? dateOfBirth, IEnumerable<CareEpisode> episodes, IEnumerable<DateOnly> plans, DateOnly today) =>
        CareLeaverRules.Assess(dateOfBirth, episodes, today, dateOfBirth is { } born && plans.Any(p => p >= born.AddYears(21)));

    /// <summary>
    /// Names the personal adviser and records whether the young person is likely to need adult services.
    /// <paramref name="version"/> is the version of the care leaver record read (null when there was none): a record
    /// changed (or created) since is refused.
    /// </summary>
    public async Task SetAdviserAsync(Guid personId, int? version, AdviserDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        IroChoice? adviser = null;
        if (details.PersonalAdviserUserId is { } id)
        {
            adviser = (await AdviserChoices().ToListAsync(cancellationToken)).FirstOrDefault(a => a.UserId == id);
            if (adviser is null)
            {
                problems.Add(new("PersonalAdviserUserId", "Select a personal adviser from children's social care"));
            }
        }

        if (details.NeedsAdultServices is not null && child.DateOfBirth is { } born && born.AddYears(16).AddMonths(-3) > Today)
        {
            problems.Add(new("NeedsAdultServices", "The transition to adult services is considered from 16 (the child is not yet 15 and 9 months)"));
        }

        if (details.AdultServicesNote?.Trim().Length > CareLeaver.MaxTextLength)
        {
            problems.Add(new("AdultServicesNote", $"The note must be {CareLeaver.MaxTextLength} characters or fewer"));
        }

        Throw(problems);
        var record = await db.Set<CareLeaver>().FirstOrDefaultAsync(c => c.PersonId == child.Id, cancellationToken);
        if ((record is null) != (version is null))
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException("The care leaver record was changed by someone else since you read it: reload it and try again");
        }

        using (db.BeginProcess("CareLeavers.SetAdviser", actor))
        {
            if (record is null)
            {
                record = new CareLeaver { PersonId = child.Id, RecordedByName = Fit(actor.Name) };
                db.Add(record);
            }
            else
            {
                db.Entry(record).Property(e => e.Version).OriginalValue = version!.Value;
            }

            (record.PersonalAdviserUserId, record.PersonalAdviserName) = (adviser?.UserId, adviser?.Name);
            record.NeedsAdultServices = details.NeedsAdultServices;
            record.AdultServicesNote = Tidy(details.AdultServicesNote);
            record.RecordedAt = db.Time.GetUtcNow();
            record.RecordedByName = Fit(actor.Name);
            await SaveAsync(cancellationToken);
        }
    }

    /// <summary>Records a pathway plan agreed, or a review of it.</summary>
    public async Task<PathwayPlan> RecordPlanAsync(Guid personId, PathwayPlanDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == child.Id).ToListAsync(cancellationToken);
        if (details.AgreedOn is not { } on)
        {
            problems.Add(new("AgreedOn", "Enter the date the plan was agreed or reviewed"));
        }
        else if (on > Today)
        {
            problems.Add(new("AgreedOn", "The date the plan was agreed or reviewed must be today or in the past"));
        }
        else if (child.DateOfBirth is { } born && born.AddYears(16).AddMonths(-3) > on)
        {
            problems.Add(new("AgreedOn", "A pathway plan is made from 16 (the assessment starts at 15 and 9 months at the earliest)"));
        }
        else if (CareLeaverRules.Assess(child.DateOfBirth, episodes, on, planSince21: true) is { Status: LeavingCareStatus.None } none && !LookedAfterOn(episodes, on))
        {
            problems.Add(new("AgreedOn", $"The young person was not a care leaver on that date ({none.Reason.ToLowerInvariant()})"));
        }

        if (details.IsReview && details.AgreedOn is { } reviewed && !await db.Set<PathwayPlan>().AnyAsync(p => p.PersonId == child.Id && p.AgreedOn < reviewed, cancellationToken))
        {
            problems.Add(new("IsReview", "There is no earlier pathway plan to review: record the plan first"));
        }

        if (details.Summary?.Trim().Length > PathwayPlan.MaxTextLength)
        {
            problems.Add(new("Summary", $"The summary must be {PathwayPlan.MaxTextLength} characters or fewer"));
        }

        Throw(problems);
        var plan = new PathwayPlan
        {
            PersonId = child.Id,
            AgreedOn = details.AgreedOn!.Value,
            IsReview = details.IsReview,
            Summary = Tidy(details.Summary),
            RecordedAt = db.Time.GetUtcNow(),
            RecordedByName = Fit(actor.Name),
        };
        using (db.BeginProcess("CareLeavers.RecordPathwayPlan", actor))
        {
            db.Add(plan);
            await SaveAsync(cancellationToken);
        }

        return plan;
    }

    /// <summary>
    /// Records (or, with the <paramref name="version"/> read, changes) the OC3 information for a birthday from the 17th
    /// to the 21st: in touch, activity and accommodation, obtained from 3 months before the birthday to 1 month after.
    /// </summary>
    public async Task<CareLeaverContact> RecordContactAsync(Guid personId, int? version, CareLeaverContactDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == child.Id).ToListAsync(cancellationToken);
        var problems = new List<ValidationProblem>();
        DateOnly? birthday = null;
        if (details.Birthday is not (>= FirstBirthday and <= LastBirthday))
        {
            problems.Add(new("Birthday", "Select the birthday, the 17th to the 21st"));
        }
        else if (child.DateOfBirth is not { } born)
        {
            problems.Add(new("Birthday", "The young person's date of birth is not recorded"));
        }
        else
        {
            birthday = born.AddYears(details.Birthday.Value);
            if (LookedAfterOn(episodes, birthday.Value))
            {
                problems.Add(new("Birthday", $"The young person was looked after on their {Ordinal(details.Birthday.Value)} birthday: there is no care leaver information to record (SSDA903 rule 1007)"));
            }
        }

        if (details.ContactedOn is not { } on)
        {
            problems.Add(new("ContactedOn", "Enter the date the information was obtained"));
        }
        else if (on > Today)
        {
            problems.Add(new("ContactedOn", "The date the information was obtained must be today or in the past"));
        }
        else if (birthday is { } b && (on < b.AddMonths(-3) || on > b.AddMonths(1)))
        {
            problems.Add(new("ContactedOn", $"The information is obtained from 3 months before the birthday ({LookedAfterService.Words(b)}) to 1 month after"));
        }

        var inTouch = Tidy(details.InTouch);
        var activity = Tidy(details.Activity) ?? (inTouch is not null && inTouch != CareLeaverCodes.InTouchYes ? CareLeaverCodes.NotInTouch : null);
        var accommodation = Tidy(details.Accommodation) ?? (inTouch is not null && inTouch != CareLeaverCodes.InTouchYes ? CareLeaverCodes.NotInTouch : null);
        if (inTouch is null || !Ssda903Schema.InTouch.Contains(inTouch))
        {
            problems.Add(new("InTouch", "Select whether the council is in touch with the young person"));
        }

        if (activity is null || !Ssda903Schema.Activity.Contains(activity))
        {
            problems.Add(new("Activity", "Select the young person's activity"));
        }
        else if (inTouch == CareLeaverCodes.InTouchYes && activity == CareLeaverCodes.NotInTouch)
        {
            problems.Add(new("Activity", "The council is in touch: select the young person's activity, not 0 (SSDA903 rule 345)"));
        }
        else if (inTouch is not null && inTouch != CareLeaverCodes.InTouchYes && activity != CareLeaverCodes.NotInTouch)
        {
            problems.Add(new("Activity", "The council is not in touch: the activity is 0, not known"));
        }

        if (accommodation is null || !Ssda903Schema.Accommodation.Contains(accommodation))
        {
            problems.Add(new("Accommodation", "Select the young person's accommodation"));
        }
        else if (inTouch == CareLeaverCodes.InTouchYes && accommodation == CareLeaverCodes.NotInTouch)
        {
            problems.Add(new("Accommodation", "The council is in touch: select the young person's accommodation, not 0 (SSDA903 rule 345)"));
        }
        else if (inTouch is not null && inTouch != CareLeaverCodes.InTouchYes && accommodation != CareLeaverCodes.NotInTouch)
        {
            problems.Add(new("Accommodation", "The council is not in touch: the accommodation is 0, not known"));
        }
        else if (details.Birthday == FirstBirthday && accommodation is ['Z', _])
        {
            problems.Add(new("Accommodation", "At the 17th birthday the accommodation cannot be with former foster carers (SSDA903 rule 3001)"));
        }

        Throw(problems);
        var existing = await db.Set<CareLeaverContact>().FirstOrDefaultAsync(c => c.PersonId == child.Id && c.Birthday == details.Birthday, cancellationToken);
        if ((existing is null) != (version is null))
        {
            db.ChangeTracker.Clear();
            throw existing is not null && version is null
                ? new SafeguardValidationException("Birthday", $"The {Ordinal(details.Birthday!.Value)} birthday's information is already recorded: change it instead")
                : new ConcurrencyConflictException("The birthday's information was changed by someone else since you read it: reload it and try again");
        }

        using (db.BeginProcess("CareLeavers.RecordContact", actor))
        {
            var contact = existing ?? new CareLeaverContact { PersonId = child.Id, InTouch = "", Activity = "", Accommodation = "", RecordedByName = "" };
            if (existing is null)
            {
                db.Add(contact);
            }
            else
            {
                db.Entry(existing).Property(e => e.Version).OriginalValue = version!.Value;
            }

            contact.Birthday = details.Birthday!.Value;
            contact.ContactedOn = details.ContactedOn!.Value;
            (contact.InTouch, contact.Activity, contact.Accommodation) = (inTouch!, activity!, accommodation!);
            contact.RecordedAt = db.Time.GetUtcNow();
            contact.RecordedByName = Fit(actor.Name);
            await SaveAsync(cancellationToken);
            return contact;
        }
    }

    public static string Ordinal(int n) => n switch { 21 => "21st", _ => $"{n}th" };

    internal static bool LookedAfterOn(IEnumerable<CareEpisode> episodes, DateOnly on) =>
        episodes.Any(e => e.StartedOn <= on && (e.EndedOn is null || e.EndedOn > on));

    private Task<Person> ChildAsync(Guid personId, Actor actor, CancellationToken cancellationToken) =>
        VisibleChildAsync(people, personId, actor, "young person", cancellationToken);

    private Task SaveAsync(CancellationToken cancellationToken) => SaveAndClearAsync(db, cancellationToken);
}
