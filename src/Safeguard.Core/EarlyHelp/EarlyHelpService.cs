using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.EarlyHelp;

/// <summary>
/// Early help episodes. The early help coordinator and the front door start them and change any; a partner agency
/// (<c>partner</c> true) changes only an episode its agency leads or sits on the team around the family of. Every
/// change carries the episode's version (a change made meanwhile is refused) and is audited; every read is audited.
/// </summary>
public sealed partial class EarlyHelpService(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar, ContactService contacts)
{
    public const string EntityType = nameof(EarlyHelpEpisode);
    public const string ReviewTimescale = "early-help-review";
    public const string RestrictedName = "Restricted record";

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>Starts an episode for a family; the children must be records the actor may see.</summary>
    public async Task<EarlyHelpEpisode> StartAsync(EarlyHelpStart start, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<ValidationProblem>();
        var childIds = start.ChildIds.Distinct().ToList();
        Contact? contact = null;
        if (start.Source is null)
        {
            problems.Add(new("Source", "Select how the family came to early help"));
        }
        else if (start.Source == EarlyHelpSource.FrontDoor)
        {
            contact = start.FrontDoorContactId is { } c
                ? await db.Contacts.AsNoTracking().Include(x => x.Children).FirstOrDefaultAsync(x => x.Id == c, cancellationToken)
                : null;
            if (contact is not { Decision: ContactDecision.EarlyHelp })
            {
                problems.Add(new("FrontDoorContactId", "Select a front door contact decided early help"));
            }
            else if (await db.Set<EarlyHelpEpisode>().AnyAsync(e => e.FrontDoorContactId == contact.Id, cancellationToken))
            {
                problems.Add(new("FrontDoorContactId", "An early help episode has already been started from this contact"));
            }
            else if (childIds.Count == 0)
            {
                childIds = [.. contact.Children.Where(x => x.PersonId is not null).Select(x => x.PersonId!.Value).Distinct()];
            }
        }
        else if (start.Source == EarlyHelpSource.PartnerAgency && (start.RequestedByAgencyId is not { } agency || !await db.Agencies.AnyAsync(a => a.Id == agency && a.IsActive, cancellationToken)))
        {
            problems.Add(new("RequestedByAgencyId", "Select the agency that asked for early help"));
        }

        CheckDate(problems, "StartedOn", start.StartedOn, "the date the episode started");
        var children = childIds.Count == 0 ? [] : await people.Visible(actor).AsNoTracking()
            .Where(p => childIds.Contains(p.Id) && p.Kind == PersonKind.Child && p.MergedIntoId == null)
            .ToListAsync(cancellationToken);
        if (childIds.Count == 0)
        {
            problems.Add(new("ChildIds", "Add the child or children of the family"));
        }
        else if (children.Count != childIds.Count)
        {
            problems.Add(new("ChildIds", "A child is not a record you can see in the person index, or their record was merged into another"));
        }
        else if (await db.Set<EarlyHelpFamilyMember>().AnyAsync(m => childIds.Contains(m.PersonId) && m.IsChild && db.Set<EarlyHelpEpisode>().Any(e => e.Id == m.EpisodeId && e.ClosedOn == null), cancellationToken))
        {
            problems.Add(new("ChildIds", "A child of the family already has an open early help episode"));
        }

        var familyName = RecordKeeping.Tidy(start.FamilyName) ?? (children.Count > 0 ? FamilyOf(children[0].DisplayName) : null);
        if (familyName is null)
        {
            problems.Add(new("FamilyName", "Enter the family's name"));
        }
        else if (familyName.Length > EarlyHelpEpisode.MaxNameLength)
        {
            problems.Add(new("FamilyName", $"The family's name must be {EarlyHelpEpisode.MaxNameLength} characters or fewer"));
        }

        EarlyHelpLead? lead = null;
        if (start.Lead is { } l)
        {
            var leadProblems = new List<ValidationProblem>();
            lead = await LeadAsync(leadProblems, l, start.StartedOn, cancellationToken);
            problems.AddRange(leadProblems.Where(p => p.Field != "From").Select(p => p with { Field = "Lead" + p.Field }));
        }

        RecordKeeping.ThrowIfAny(problems);
        var episode = new EarlyHelpEpisode
        {
            FamilyName = familyName!,
            StartedOn = start.StartedOn!.Value,
            Source = start.Source!.Value,
            FrontDoorContactId = contact?.Id,
            RequestedByAgencyId = start.Source == EarlyHelpSource.PartnerAgency ? start.RequestedByAgencyId : null,
            RecordedAt = db.Time.GetUtcNow(),
            RecordedByName = RecordKeeping.Fit(actor.Name, EarlyHelpEpisode.MaxNameLength),
        };
        await AddFamilyAsync(db, episode, children.Select(c => c.Id).ToList(), start.IncludeAdults, cancellationToken);
        if (lead is not null)
        {
            lead.EpisodeId = episode.Id;
            episode.Leads.Add(lead);
        }

        using (db.BeginProcess("EarlyHelp.Start", actor))
        {
            db.Add(episode);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return episode;
    }

    /// <summary>A new lead professional from the day given; the last one's period ends that day.</summary>
    public Task ChangeLeadAsync(Guid episodeId, int version, EarlyHelpLeadInput input, bool partner, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "EarlyHelp.ChangeLead", partner, actor, async (episode, problems) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var lead = await LeadAsync(problems, input, episode.StartedOn, cancellationToken);
            var current = episode.CurrentLead;
            if (current is not null && input.From is { } from && from < current.From)
            {
                problems.Add(new("From", "The new lead professional cannot start before the current one did"));
            }

            if (current is not null && lead is not null && current.AgencyId == lead.AgencyId && current.Name == lead.Name && current.UserId == lead.UserId)
            {
                problems.Add(new("Name", "This is already the lead professional"));
            }

            if (problems.Count > 0)
            {
                return;
            }

            current?.To = lead!.From;
            lead!.EpisodeId = episode.Id;
            episode.Leads.Add(lead);
            db.Add(lead);
        }, cancellationToken);

    /// <summary>Records the early help assessment's dates and needs (changing what was recorded).</summary>
    public Task RecordAssessmentAsync(Guid episodeId, int version, EarlyHelpAssessmentInput input, bool partner, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "EarlyHelp.RecordAssessment", partner, actor, (episode, problems) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            CheckDate(problems, "StartedOn", input.StartedOn, "the date the assessment started", episode.StartedOn, "the episode started");
            if (input.CompletedOn is { } completed)
            {
                CheckDate(problems, "CompletedOn", completed, "the date the assessment was completed", input.StartedOn, "it started");
            }

            if (input.AuthorisedOn is { } authorised)
            {
                if (input.CompletedOn is null)
                {
                    problems.Add(new("AuthorisedOn", "An assessment is authorised after it is completed: enter the date it was completed"));
                }
                else
                {
                    CheckDate(problems, "AuthorisedOn", authorised, "the date the assessment was authorised", input.CompletedOn, "it was completed");
                }
            }

            var needs = input.Needs.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
            if (needs.Any(n => !EarlyHelpNeeds.IsCode(n)))
            {
                problems.Add(new("Needs", "Select the needs from the list"));
            }
            else if (input.CompletedOn is not null && needs.Count == 0)
            {
                problems.Add(new("Needs", "Select the needs the completed assessment identified"));
            }

            if (problems.Count > 0)
            {
                return Task.CompletedTask;
            }

            episode.AssessmentStartedOn = input.StartedOn;
            episode.AssessmentCompletedOn = input.CompletedOn;
            episode.AssessmentAuthorisedOn = input.AuthorisedOn;
            episode.Needs = needs.Count == 0 ? null : string.Join(',', EarlyHelpNeeds.All.Select(n => n.Code).Where(needs.Contains));
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Adds a member to the team around the family.</summary>
    public async Task<Guid> AddTeamMemberAsync(Guid episodeId, int version, EarlyHelpTeamMemberInput input, bool partner, Actor actor, CancellationToken cancellationToken = default)
    {
        var id = Guid.Empty;
        await ChangeAsync(episodeId, version, "EarlyHelp.AddTeamMember", partner, actor, async (episode, problems) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var (agencyId, userId, name) = await PersonOfAgencyAsync(problems, input.AgencyId, input.UserId, input.Name, cancellationToken);
            var role = RecordKeeping.Tidy(input.Role);
            if (role is null)
            {
                problems.Add(new("Role", "Enter the member's role in the team around the family"));
            }
            else if (role.Length > EarlyHelpEpisode.MaxNameLength)
            {
                problems.Add(new("Role", $"The role must be {EarlyHelpEpisode.MaxNameLength} characters or fewer"));
            }

            CheckDate(problems, "JoinedOn", input.JoinedOn, "the date they joined", episode.StartedOn, "the episode started");
            if (name is not null && episode.TeamMembers.Any(m => m.LeftOn is null && m.AgencyId == agencyId && m.Name == name))
            {
                problems.Add(new("Name", $"{name} is already in the team around the family"));
            }

            if (problems.Count > 0)
            {
                return;
            }

            var member = new EarlyHelpTeamMember { EpisodeId = episode.Id, AgencyId = agencyId!.Value, UserId = userId, Name = name!, Role = role!, JoinedOn = input.JoinedOn!.Value };
            episode.TeamMembers.Add(member);
            db.Add(member);
            id = member.Id;
        }, cancellationToken);
        return id;
    }

    /// <summary>Records that a member left the team around the family.</summary>
    public Task MemberLeftAsync(Guid episodeId, int version, Guid memberId, DateOnly? leftOn, bool partner, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "EarlyHelp.MemberLeft", partner, actor, (episode, problems) =>
        {
            var member = episode.TeamMembers.FirstOrDefault(m => m.Id == memberId);
            if (member is null)
            {
                problems.Add(new("MemberId", "There is no such member of the team around the family"));
            }
            else if (member.LeftOn is not null)
            {
                problems.Add(new("LeftOn", $"{member.Name} has already left the team around the family"));
            }
            else
            {
                CheckDate(problems, "LeftOn", leftOn, "the date they left", member.JoinedOn, "they joined");
            }

            if (problems.Count == 0)
            {
                member!.LeftOn = leftOn;
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Records a team around the family meeting; the next is due 6 weeks later (timescale <c>early-help-review</c>).</summary>
    public Task RecordReviewAsync(Guid episodeId, int version, EarlyHelpReviewInput input, bool partner, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "EarlyHelp.RecordReview", partner, actor, (episode, problems) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            CheckDate(problems, "HeldOn", input.HeldOn, "the date of the meeting", episode.StartedOn, "the episode started");
            if (input.Progress is null)
            {
                problems.Add(new("Progress", "Select how things have moved since the last review"));
            }

            if (input.HeldOn is { } held && episode.Reviews.Any(r => r.HeldOn == held))
            {
                problems.Add(new("HeldOn", "A review on this date is already recorded"));
            }

            CheckLength(problems, "Notes", input.Notes, "the notes");
            if (problems.Count > 0)
            {
                return Task.CompletedTask;
            }

            var review = new EarlyHelpReview
            {
                EpisodeId = episode.Id,
                HeldOn = input.HeldOn!.Value,
                Progress = input.Progress!.Value,
                Notes = RecordKeeping.Tidy(input.Notes),
                RecordedAt = db.Time.GetUtcNow(),
                RecordedByName = RecordKeeping.Fit(actor.Name, EarlyHelpEpisode.MaxNameLength),
            };
            episode.Reviews.Add(review);
            db.Add(review);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Closes the episode with its outcome; a step-up outcome needs the step-up recorded first.</summary>
    public Task CloseAsync(Guid episodeId, int version, EarlyHelpClosureInput input, bool partner, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(episodeId, version, "EarlyHelp.Close", partner, actor, (episode, problems) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            CheckDate(problems, "ClosedOn", input.ClosedOn, "the date the episode closed", episode.Reviews.Select(r => (DateOnly?)r.HeldOn).Append(episode.StartedOn).Max(), "the episode started and its last review");
            if (input.Outcome is null)
            {
                problems.Add(new("Outcome", "Select the outcome"));
            }
            else if (input.Outcome == EarlyHelpOutcome.SteppedUp && episode.StepUpContactId is null)
            {
                problems.Add(new("Outcome", "Step the family up to children's social care first: the episode closes stepped up after its contact is made"));
            }
            else if (input.Outcome == EarlyHelpOutcome.Other && RecordKeeping.Tidy(input.Note) is null)
            {
                problems.Add(new("Note", "Say why the episode closed"));
            }

            CheckLength(problems, "Note", input.Note, "the note");
            if (problems.Count > 0)
            {
                return Task.CompletedTask;
            }

            episode.ClosedOn = input.ClosedOn;
            episode.Outcome = input.Outcome;
            episode.ClosureNote = RecordKeeping.Tidy(input.Note);
            episode.CurrentLead?.To = input.ClosedOn;
            foreach (var member in episode.TeamMembers.Where(m => m.LeftOn is null))
            {
                member.LeftOn = input.ClosedOn;
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Steps the family up to children's social care: a front door contact about the episode's children, from the lead
    /// professional's agency (or the actor's), referral source 5D (local authority: early help). The episode stays open
    /// until the front door decides; it is then closed as stepped up (or carries on).
    /// </summary>
    public async Task<Guid> StepUpAsync(Guid episodeId, int version, EarlyHelpStepUpInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            var episode = await EpisodeForChangeAsync(episodeId, partner: false, actor, cancellationToken);
            var problems = new List<ValidationProblem>();
            if (episode.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            if (!episode.IsOpen)
            {
                problems.Add(new("Concerns", "The episode is closed"));
            }
            else if (episode.StepUpContactId is not null)
            {
                problems.Add(new("Concerns", "The family has already been stepped up"));
            }

            if (RecordKeeping.Tidy(input.Concerns) is null)
            {
                problems.Add(new("Concerns", "Enter the concerns that mean the family needs children's social care"));
            }

            if (input.Consent is null)
            {
                problems.Add(new("Consent", "Select whether the family consented"));
            }

            RecordKeeping.ThrowIfAny(problems);
            var lead = episode.CurrentLead;

            // The contact and the episode's link to it are one save: a change to the episode made meanwhile (its
            // version moved on) refuses both, so no contact is left behind without the episode that made it.
            var contact = await contacts.RecordAsync(
                StepUpContact(episode, lead, db.Time.GetUtcNow(), input.Concerns!, input.Consent!.Value, input.ConsentReason, actor),
                ContactChannel.FrontDoor,
                actor,
                "EarlyHelp.StepUp",
                c =>
                {
                    db.Entry(episode).Property(e => e.Version).OriginalValue = version;
                    episode.StepUpContactId = c.Id;
                    episode.SteppedUpOn = UkTime.ToUkDate(c.ReceivedAt);
                },
                cancellationToken);
            return contact.Id;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The front door contact a step-up makes: about the family's children, from the lead professional's agency (or the actor's), source 5D.</summary>
    internal static NewContact StepUpContact(EarlyHelpEpisode episode, EarlyHelpLead? lead, DateTimeOffset receivedAt, string concerns, ConsentPosition consent, string? consentReason, Actor actor) => new()
    {
        ReceivedAt = receivedAt,
        FromAgencyId = lead?.AgencyId ?? actor.AgencyId,
        ReferrerName = lead?.Name ?? actor.Name,
        ReferrerRole = lead?.Role is { } role ? $"{role} (early help lead professional)" : "Early help",
        ReferralSource = "5D",
        Concerns = concerns.Trim(),
        Consent = consent,
        ConsentReason = consentReason,
        Children = [.. episode.Members.Where(m => m.IsChild).Select(m => new ContactChildInput(m.PersonId))],
    };

    /// <summary>
    /// The episode a closure of children's social care with a step-down to early help (census reason RC9) opens, to be
    /// saved with the closure; null when the child is already on an open early help episode. The family's adults come
    /// from the person index; the lead professional is agreed later (the coordinator's list shows it as not agreed).
    /// </summary>
    public static async Task<EarlyHelpEpisode?> StepDownAsync(SafeguardDbContext db, Guid needEpisodeId, Guid personId, DateOnly closedOn, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (await db.Set<EarlyHelpFamilyMember>().AnyAsync(m => m.PersonId == personId && m.IsChild && db.Set<EarlyHelpEpisode>().Any(e => e.Id == m.EpisodeId && e.ClosedOn == null), cancellationToken))
        {
            return null;
        }

        var name = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).FirstAsync(cancellationToken);
        var episode = new EarlyHelpEpisode
        {
            FamilyName = RecordKeeping.Fit(FamilyOf(name), EarlyHelpEpisode.MaxNameLength),
            StartedOn = closedOn,
            Source = EarlyHelpSource.StepDown,
            StepDownFromEpisodeId = needEpisodeId,
            RecordedAt = db.Time.GetUtcNow(),
            RecordedByName = RecordKeeping.Fit(actor.Name, EarlyHelpEpisode.MaxNameLength),
        };
        await AddFamilyAsync(db, episode, [personId], includeAdults: true, cancellationToken);
        return episode;
    }

    /// <summary>"The Khan family" from a child's name (the last word of their display name).</summary>
    public static string FamilyOf(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        var words = displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "The family" : $"The {words[^1]} family";
    }

    private static async Task AddFamilyAsync(SafeguardDbContext db, EarlyHelpEpisode episode, IReadOnlyList<Guid> childIds, bool includeAdults, CancellationToken cancellationToken)
    {
        foreach (var child in childIds)
        {
            episode.Members.Add(new EarlyHelpFamilyMember { EpisodeId = episode.Id, PersonId = child, IsChild = true });
        }

        if (!includeAdults)
        {
            return;
        }

        var adultKinds = new[] { RelationshipKind.Mother, RelationshipKind.Father, RelationshipKind.Parent, RelationshipKind.StepParent, RelationshipKind.Carer };
        var adults = await db.Set<PersonRelationship>().AsNoTracking()
            .Where(r => childIds.Contains(r.PersonId) && adultKinds.Contains(r.Kind) && r.To == null)
            .Select(r => r.RelatedPersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var kept = await db.People.AsNoTracking().Where(p => adults.Contains(p.Id) && p.Kind == PersonKind.Adult && p.MergedIntoId == null).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var adult in kept.Order())
        {
            episode.Members.Add(new EarlyHelpFamilyMember { EpisodeId = episode.Id, PersonId = adult, IsChild = false });
        }
    }

    private async Task ChangeAsync(Guid episodeId, int version, string process, bool partner, Actor actor, Func<EarlyHelpEpisode, List<ValidationProblem>, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            var episode = await EpisodeForChangeAsync(episodeId, partner, actor, cancellationToken);
            var problems = new List<ValidationProblem>();
            if (!episode.IsOpen)
            {
                problems.Add(new("", $"This episode closed on {episode.ClosedOn!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}"));
                RecordKeeping.ThrowIfAny(problems);
            }

            await change(episode, problems);
            RecordKeeping.ThrowIfAny(problems);
            using (db.BeginProcess(process, actor))
            {
                var entry = db.Entry(episode);
                entry.Property(e => e.Version).OriginalValue = version;
                if (entry.State == EntityState.Unchanged)
                {
                    // The episode is saved too, so every change to its records raises its version.
                    entry.State = EntityState.Modified;
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<EarlyHelpEpisode> EpisodeForChangeAsync(Guid episodeId, bool partner, Actor actor, CancellationToken cancellationToken)
    {
        var episode = await db.Set<EarlyHelpEpisode>()
            .Include(e => e.Members).Include(e => e.Leads).Include(e => e.TeamMembers).Include(e => e.Reviews)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null || !await MayReadAsync(episode, partner, actor, cancellationToken))
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("EpisodeId", "There is no such episode");
        }

        return episode;
    }

    /// <summary>
    /// Whether the actor may see the episode: every person on it must be a record they may see (a restricted record
    /// hides the episode from all but its access list); a partner only when their agency leads it or is in the team.
    /// </summary>
    private async Task<bool> MayReadAsync(EarlyHelpEpisode episode, bool partner, Actor actor, CancellationToken cancellationToken)
    {
        if (partner && !IsPartnersEpisode(episode, actor.AgencyId))
        {
            return false;
        }

        var ids = episode.Members.Select(m => m.PersonId).ToList();
        return await people.Visible(actor).CountAsync(p => ids.Contains(p.Id), cancellationToken) == ids.Count;
    }

    /// <summary>The agency is the current lead professional's or has a current member of the team around the family (for a closed episode: at its closure).</summary>
    public static bool IsPartnersEpisode(EarlyHelpEpisode episode, Guid? agencyId)
    {
        ArgumentNullException.ThrowIfNull(episode);
        // A closed episode stays with the agencies that were lead or in the team when it closed.
        bool Current(DateOnly? to) => to is null || to == episode.ClosedOn;
        return agencyId is { } a && (episode.Leads.Any(l => l.AgencyId == a && Current(l.To)) || episode.TeamMembers.Any(m => m.AgencyId == a && Current(m.LeftOn)));
    }

    private async Task<EarlyHelpLead?> LeadAsync(List<ValidationProblem> problems, EarlyHelpLeadInput input, DateOnly? notBefore, CancellationToken cancellationToken)
    {
        var (agencyId, userId, name) = await PersonOfAgencyAsync(problems, input.AgencyId, input.UserId, input.Name, cancellationToken);
        var role = RecordKeeping.Tidy(input.Role);
        if (role?.Length > EarlyHelpEpisode.MaxNameLength)
        {
            problems.Add(new("Role", $"The role must be {EarlyHelpEpisode.MaxNameLength} characters or fewer"));
        }

        CheckDate(problems, "From", input.From, "the date they became lead professional", notBefore, "the episode started");
        return problems.Count > 0 || agencyId is null || name is null || input.From is null
            ? null
            : new EarlyHelpLead { AgencyId = agencyId.Value, UserId = userId, Name = name, Role = role, From = input.From.Value };
    }

    /// <summary>A user (whose name and agency are taken from their account), or a named person of an agency.</summary>
    private async Task<(Guid? AgencyId, Guid? UserId, string? Name)> PersonOfAgencyAsync(List<ValidationProblem> problems, Guid? agencyId, Guid? userId, string? name, CancellationToken cancellationToken)
    {
        if (userId is { } u)
        {
            var user = await db.Users.AsNoTracking().Where(x => x.Id == u && !x.IsDisabled).Select(x => new { x.Id, x.DisplayName, x.AgencyId }).FirstOrDefaultAsync(cancellationToken);
            if (user is null)
            {
                problems.Add(new("UserId", "Select a user who can sign in"));
                return (null, null, null);
            }

            return (user.AgencyId, user.Id, user.DisplayName);
        }

        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, cancellationToken))
        {
            problems.Add(new("AgencyId", "Select the agency"));
        }

        var tidy = RecordKeeping.Tidy(name);
        if (tidy is null)
        {
            problems.Add(new("Name", "Enter the person's name"));
        }
        else if (tidy.Length > EarlyHelpEpisode.MaxNameLength)
        {
            problems.Add(new("Name", $"The name must be {EarlyHelpEpisode.MaxNameLength} characters or fewer"));
        }

        return (agencyId, null, tidy);
    }

    private void CheckDate(List<ValidationProblem> problems, string field, DateOnly? date, string what, DateOnly? notBefore = null, string? notBeforeWhat = null)
    {
        if (date is not { } d)
        {
            problems.Add(new(field, $"Enter {what}"));
        }
        else if (d > Today)
        {
            problems.Add(new(field, $"{Capitalise(what)} must be today or in the past"));
        }
        else if (notBefore is { } earliest && d < earliest)
        {
            problems.Add(new(field, $"{Capitalise(what)} cannot be before {notBeforeWhat}"));
        }
    }

    private static void CheckLength(List<ValidationProblem> problems, string field, string? text, string what)
    {
        if (text?.Trim().Length > EarlyHelpEpisode.MaxTextLength)
        {
            problems.Add(new(field, $"{Capitalise(what)} must be {EarlyHelpEpisode.MaxTextLength} characters or fewer"));
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
