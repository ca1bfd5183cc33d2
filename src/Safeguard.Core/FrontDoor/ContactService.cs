using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.FrontDoor;

/// <summary>
/// The front door (MASH): recording and submitting contacts, triage, requests for information to agencies
/// and the decision, against the contact-decision timescale (1 working day from receipt). A partner agency
/// sees only the contacts it made and the requests sent to it, never a child's record.
/// </summary>
public sealed class ContactService(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar, AgencyCounts agencyCounts)
{
    public const string EntityType = "Contact";
    public const string TimescaleRule = "contact-decision";

    private DateTimeOffset Now => db.Time.GetUtcNow();

    /// <summary>
    /// Records a contact. The front door may name existing children by id; children given by their details
    /// are matched on NHS number or UPN, otherwise added through the person index's duplicate check. For the
    /// front door look-alikes refuse the contact (<see cref="PossibleDuplicatesException"/>) until confirmed;
    /// for a partner the child is left for the front door to identify.
    /// </summary>
    public Task<Contact> RecordAsync(NewContact details, ContactChannel channel, Actor actor, CancellationToken cancellationToken = default) =>
        RecordAsync(details, channel, actor, process: null, alongside: null, cancellationToken);

    /// <summary>
    /// Records a contact as <see cref="RecordAsync(NewContact, ContactChannel, Actor, CancellationToken)"/> does, with
    /// <paramref name="alongside"/> making the caller's own change to tracked records before the one save, so the
    /// contact and that change are saved (and audited, under <paramref name="process"/>) together or not at all.
    /// </summary>
    internal async Task<Contact> RecordAsync(NewContact details, ContactChannel channel, Actor actor, string? process, Action<Contact>? alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<ValidationProblem>();
        var now = Now;
        Guid? fromAgency = details.FromAgencyId;
        if (channel == ContactChannel.Partner)
        {
            if (actor.AgencyId is null)
            {
                problems.Add(new("FromAgencyId", "Only a member of an agency can submit a contact"));
            }

            fromAgency = actor.AgencyId;
        }

        if (fromAgency is null || !await db.Agencies.AnyAsync(a => a.Id == fromAgency && a.IsActive, cancellationToken))
        {
            problems.Add(new("FromAgencyId", "Select the agency the contact came from"));
        }

        if (details.ReceivedAt == default)
        {
            problems.Add(new("ReceivedAt", "Enter the date and time the contact was received"));
        }
        else if (details.ReceivedAt > now)
        {
            problems.Add(new("ReceivedAt", "The date and time received must be now or in the past"));
        }
        else if (details.ReceivedAt < now.AddYears(-1))
        {
            problems.Add(new("ReceivedAt", "The date received must be within the last year"));
        }

        CheckText(problems, "ReferrerName", details.ReferrerName, "the name of the person who made the contact", Contact.MaxNameLength);
        CheckOptional(problems, "ReferrerRole", details.ReferrerRole, "role and contact details", Contact.MaxNameLength);
        if (!ReferralSources.IsCode(details.ReferralSource?.Trim()))
        {
            problems.Add(new("ReferralSource", "Select the referral source"));
        }

        CheckText(problems, "Concerns", details.Concerns, "the concerns", Contact.MaxConcernsLength);
        CheckConsent(problems, details.Consent, details.ConsentReason);
        if (details.Children.Count == 0)
        {
            problems.Add(new("Children", "Add the child or children the contact is about"));
        }

        for (var i = 0; i < details.Children.Count; i++)
        {
            var child = details.Children[i];
            if (child.PersonId is null && child.Details is null)
            {
                problems.Add(new($"Children[{i}]", "Identify the child: pick their record or give their details"));
            }
            else if (child.PersonId is { } known && channel == ContactChannel.Partner
                && !await db.Set<ContactChild>().AnyAsync(cc => cc.PersonId == known && db.Set<Contact>().Any(c => c.Id == cc.ContactId && c.FromAgencyId == actor.AgencyId), cancellationToken))
            {
                // A partner names a record only if it is a child on one of their agency's own contacts.
                problems.Add(new($"Children[{i}]", "Give the child's details: name, date of birth and any NHS number or UPN"));
            }
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var contact = new Contact
        {
            ReceivedAt = details.ReceivedAt.ToUniversalTime(),
            FromAgencyId = fromAgency!.Value,
            ReferrerName = details.ReferrerName.Trim(),
            ReferrerRole = RecordKeeping.Tidy(details.ReferrerRole),
            ReferralSource = details.ReferralSource!.Trim(),
            Concerns = details.Concerns.Trim(),
            Consent = details.Consent,
            ConsentReason = RecordKeeping.Tidy(details.ConsentReason),
            RecordedAt = now,
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.Name,
            SubmittedByPartner = channel == ContactChannel.Partner,
        };

        // The children added to the person index and the contact are saved together or not at all.
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        try
        {
            for (var i = 0; i < details.Children.Count; i++)
            {
                var row = await ChildRowAsync(details.Children[i], i, contact.Id, channel, actor, cancellationToken);
                if (contact.Children.Any(c => c.PersonId is not null && c.PersonId == row.PersonId))
                {
                    throw new SafeguardValidationException($"Children[{i}]", $"{row.DescribedName} is already on this contact");
                }

                contact.Children.Add(row);
            }

            using (db.BeginProcess(process ?? (channel == ContactChannel.Partner ? "FrontDoor.SubmitContact" : "FrontDoor.RecordContact"), actor))
            {
                db.Add(contact);
                alongside?.Invoke(contact);
                await SaveAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        return contact;
    }

    /// <summary>Links a child the contact described to their record in the person index (front door).</summary>
    public async Task LinkChildAsync(Guid contactId, Guid contactChildId, Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        var contact = await db.Set<Contact>().Include(c => c.Children).FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken)
            ?? throw new SafeguardValidationException("ContactId", "There is no such contact");
        var row = contact.Children.FirstOrDefault(c => c.Id == contactChildId)
            ?? throw new SafeguardValidationException("ContactChildId", "There is no such child on this contact");
        var person = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, cancellationToken);
        if (person is null || person.Kind != PersonKind.Child)
        {
            throw new SafeguardValidationException("PersonId", "Select the child's record");
        }

        if (contact.Children.Any(c => c.PersonId == personId && c.Id != contactChildId))
        {
            throw new SafeguardValidationException("PersonId", $"{person.DisplayName} is already on this contact");
        }

        using var process = db.BeginProcess("FrontDoor.LinkChild", actor);
        row.PersonId = personId;
        await SaveAsync(cancellationToken);
    }

    /// <summary>Records the triage: priority (RAG) and threshold level. A stale version is refused.</summary>
    public async Task TriageAsync(Guid contactId, int version, ContactTriage triage, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(triage);
        var contact = await FindAsync(contactId, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (contact.IsDecided)
        {
            problems.Add(new("", "This contact has been decided: its triage can no longer change"));
        }

        if (triage.Priority is not { } priority || !Enum.IsDefined(priority))
        {
            problems.Add(new("Priority", "Select the priority: red, amber or green"));
        }

        if (triage.ThresholdLevelId is not { } levelId || !await db.Set<ThresholdLevel>().AnyAsync(l => l.Id == levelId && l.IsActive, cancellationToken))
        {
            problems.Add(new("ThresholdLevelId", "Select the threshold level"));
        }

        CheckOptional(problems, "Notes", triage.Notes, "triage notes", Contact.MaxReasonLength);
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        using var process = db.BeginProcess("FrontDoor.Triage", actor);
        db.Entry(contact).Property(c => c.Version).OriginalValue = version;
        contact.Priority = triage.Priority;
        contact.ThresholdLevelId = triage.ThresholdLevelId;
        contact.TriageNotes = RecordKeeping.Tidy(triage.Notes);
        db.Entry(contact).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Records the decision. The contact must be triaged and its children identified; the decision cannot
    /// be before receipt or in the future, and a contact is decided once: a second practitioner deciding
    /// from the same version is refused (<see cref="ConcurrencyConflictException"/>).
    /// </summary>
    public async Task DecideAsync(Guid contactId, int version, ContactDecisionInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contact = await db.Set<Contact>().Include(c => c.Children).FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken)
            ?? throw new SafeguardValidationException("ContactId", "There is no such contact");
        if (contact.Version != version)
        {
            throw new ConcurrencyConflictException();
        }

        var problems = new List<ValidationProblem>();
        if (contact.IsDecided)
        {
            problems.Add(new("Decision", "This contact has already been decided"));
        }

        if (contact.Priority is null || contact.ThresholdLevelId is null)
        {
            problems.Add(new("Decision", "Triage the contact first: set its priority and threshold level"));
        }

        if (contact.Children.Any(c => c.PersonId is null))
        {
            problems.Add(new("Decision", "Identify every child on the contact in the person index first"));
        }

        if (input.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            problems.Add(new("Decision", "Select the decision"));
        }

        CheckText(problems, "Rationale", input.Rationale, "the reasons for the decision", Contact.MaxReasonLength);
        var decidedAt = input.DecidedAt?.ToUniversalTime() ?? Now;
        if (decidedAt > Now)
        {
            problems.Add(new("DecidedAt", "The date and time of the decision must be now or in the past"));
        }
        else if (decidedAt < contact.ReceivedAt)
        {
            problems.Add(new("DecidedAt", "The decision cannot be before the contact was received"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        using var process = db.BeginProcess("FrontDoor.Decide", actor);
        db.Entry(contact).Property(c => c.Version).OriginalValue = version;
        contact.Decision = input.Decision;
        contact.DecisionRationale = input.Rationale!.Trim();
        contact.DecidedAt = decidedAt;
        contact.DecidedByUserId = actor.UserId;
        contact.DecidedByName = actor.Name;
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// For a contact decided as a referral to children's social care, what is needed to open the referral;
    /// null for any other contact.
    /// </summary>
    public async Task<ReferralHandoff?> ReferralHandoffAsync(Guid contactId, CancellationToken cancellationToken = default)
    {
        var contact = await db.Set<Contact>().AsNoTracking().Include(c => c.Children)
            .FirstOrDefaultAsync(c => c.Id == contactId && c.Decision == ContactDecision.ReferralToChildrensSocialCare, cancellationToken);
        return contact is null ? null : Handoff(contact);
    }

    /// <summary>
    /// The referrals the front door decided for a child that children's social care has not yet opened: no
    /// episode is linked to the contact and none was opened for the child on or after the decision. Newest first.
    /// </summary>
    public async Task<IReadOnlyList<ReferralHandoff>> ReferralsWaitingForAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var episodes = db.Set<Journey.NeedEpisode>().Where(e => e.PersonId == personId);
        var contacts = await db.Set<Contact>().AsNoTracking().Include(c => c.Children)
            .Where(c => c.Decision == ContactDecision.ReferralToChildrensSocialCare && c.Children.Any(ch => ch.PersonId == personId))
            .Where(c => !episodes.Any(e => e.FrontDoorContactId == c.Id))
            .OrderByDescending(c => c.DecidedAt)
            .ToListAsync(cancellationToken);
        var latest = await episodes.OrderByDescending(e => e.ReferralDate).Select(e => (DateOnly?)e.ReferralDate).FirstOrDefaultAsync(cancellationToken);
        return [.. contacts.Select(Handoff).Where(h => latest is null || h.ReferralDate > latest)];
    }

    /// <summary>The referrals opened from a contact: each child's episode and its referral date.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateOnly>> ReferralsOpenedFromAsync(Guid contactId, CancellationToken cancellationToken = default) =>
        await db.Set<Journey.NeedEpisode>().AsNoTracking()
            .Where(e => e.FrontDoorContactId == contactId)
            .GroupBy(e => e.PersonId)
            .Select(g => new { PersonId = g.Key, Date = g.Min(e => e.ReferralDate) })
            .ToDictionaryAsync(x => x.PersonId, x => x.Date, cancellationToken);

    /// <summary>Every contact decided as a referral to children's social care since <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReferralHandoff>> ReferralsDecidedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var contacts = await db.Set<Contact>().AsNoTracking().Include(c => c.Children)
            .Where(c => c.Decision == ContactDecision.ReferralToChildrensSocialCare && c.DecidedAt >= since)
            .OrderBy(c => c.DecidedAt)
            .ToListAsync(cancellationToken);
        return [.. contacts.Select(Handoff)];
    }

    /// <summary>Sends a request for information about the contact's children to an agency.</summary>
    public async Task<ContactInformationRequest> RequestInformationAsync(Guid contactId, Guid? agencyId, string? question, Actor actor, CancellationToken cancellationToken = default)
    {
        var contact = await FindAsync(contactId, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (agencyId is not { } agency || !await db.Agencies.AnyAsync(a => a.Id == agency && a.IsActive, cancellationToken))
        {
            problems.Add(new("AgencyId", "Select the agency to ask"));
        }

        CheckText(problems, "Question", question, "what you are asking the agency", ContactInformationRequest.MaxTextLength);
        if (contact.IsDecided)
        {
            problems.Add(new("", "This contact has been decided: record any further enquiries on the child's record"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var request = new ContactInformationRequest
        {
            ContactId = contactId,
            AgencyId = agencyId!.Value,
            Question = question!.Trim(),
            RequestedAt = Now,
            RequestedByName = actor.Name,
        };
        using var process = db.BeginProcess("FrontDoor.RequestInformation", actor);
        db.Add(request);
        await SaveAsync(cancellationToken);
        return request;
    }

    /// <summary>
    /// Records an agency's answer to a request. A partner answers only requests sent to their own agency; the
    /// front door records an answer given another way (by telephone, say). An answer is recorded once.
    /// </summary>
    public async Task RespondAsync(Guid requestId, int version, string? response, ContactChannel channel, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.Set<ContactInformationRequest>().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || (channel == ContactChannel.Partner && request.AgencyId != actor.AgencyId))
        {
            throw new SafeguardValidationException("RequestId", "There is no such request for your agency");
        }

        var problems = new List<ValidationProblem>();
        if (request.IsAnswered)
        {
            problems.Add(new("Response", "This request has already been answered"));
        }

        CheckText(problems, "Response", response, "the agency's answer", ContactInformationRequest.MaxTextLength);
        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        using var process = db.BeginProcess("FrontDoor.RespondToRequest", actor);
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        request.Response = response!.Trim();
        request.RespondedAt = Now;
        request.RespondedByName = actor.Name;
        await SaveAsync(cancellationToken);
    }

    /// <summary>Contacts awaiting a decision, oldest first, each with its 1-working-day clock.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(CancellationToken cancellationToken = default)
    {
        var waiting = await db.Set<Contact>().AsNoTracking()
            .Where(c => c.Decision == null)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.ReceivedAt,
                Agency = c.FromAgency!.Name,
                c.Priority,
                Children = c.Children.Select(ch => ch.DescribedName).ToList(),
                Open = c.InformationRequests.Count(r => r.RespondedAt == null),
            })
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. waiting.Select(c => new QueueItem(c.Id, c.ReceivedAt, c.Agency, string.Join(", ", c.Children.Order(StringComparer.Ordinal)), c.Priority, c.Open,
            deadlines.Assess(deadlines.Calculate(TimescaleRule, c.ReceivedAt))))];
    }

    /// <summary>A contact for the front door, with the view audited for the contact and each child; null when there is none.</summary>
    public async Task<ContactView?> GetAsync(Guid contactId, Actor actor, CancellationToken cancellationToken = default)
    {
        var contact = await db.Set<Contact>().AsNoTracking()
            .Include(c => c.FromAgency)
            .Include(c => c.ThresholdLevel)
            .Include(c => c.Children)
            .Include(c => c.InformationRequests).ThenInclude(r => r.Agency)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var personIds = contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToList();
        var records = await people.Visible(actor).AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var children = contact.Children
            .Select(c => c.PersonId is { } id && records.TryGetValue(id, out var p)
                ? new ContactChildView(c.Id, id, p.DisplayName, p.DateOfBirth ?? p.ExpectedDateOfBirth, p.NhsNumber, p.Upn)
                : c.PersonId is not null
                    ? new ContactChildView(c.Id, c.PersonId, "A child whose record is restricted", null, null, null)
                    : new ContactChildView(c.Id, null, c.DescribedName, c.DescribedDateOfBirth, c.DescribedNhsNumber, c.DescribedUpn))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var shares = await db.Set<InformationShare>().AsNoTracking().Include(s => s.Agency)
            .Where(s => s.ContactId == contactId)
            .OrderBy(s => s.DecidedAt)
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var deadline = deadlines.AssessAt(deadlines.Calculate(TimescaleRule, contact.ReceivedAt), contact.DecidedAt);

        using (db.BeginProcess("FrontDoor.ViewContact", actor))
        {
            db.RecordAccess(EntityType, contactId.ToString(), AuditAction.Viewed);
            foreach (var id in records.Keys)
            {
                db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, $"contact {contactId}");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new ContactView(
            contact,
            contact.FromAgency?.Name ?? "",
            contact.ThresholdLevel is { } level ? $"{level.Level}: {level.Name}" : null,
            children,
            [.. contact.InformationRequests.OrderBy(r => r.RequestedAt).Select(r => new RequestView(r, r.Agency?.Name ?? ""))],
            [.. shares.Select(s => new ShareView(s, s.Agency?.Name ?? "", children.FirstOrDefault(c => c.PersonId == s.PersonId)?.Name))],
            deadline);
    }

    /// <summary>The contacts the actor's agency made, newest first: what was sent and the outcome, never a child's record.</summary>
    public async Task<IReadOnlyList<AgencyContactView>> ContactsOfAgencyAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var contacts = await db.Set<Contact>().AsNoTracking().Include(c => c.Children)
            .Where(c => c.FromAgencyId == agencyId)
            .OrderByDescending(c => c.ReceivedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        using (db.BeginProcess("FrontDoor.AgencyContacts", actor))
        {
            db.RecordAccess(EntityType, "agency:" + agencyId, AuditAction.Searched, $"results={contacts.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return [.. contacts.Select(AgencyView)];
    }

    /// <summary>One contact the actor's agency made; null for any other.</summary>
    public async Task<AgencyContactView?> ContactOfAgencyAsync(Guid contactId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var contact = await db.Set<Contact>().AsNoTracking().Include(c => c.Children)
            .FirstOrDefaultAsync(c => c.Id == contactId && c.FromAgencyId == agencyId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        using (db.BeginProcess("FrontDoor.ViewAgencyContact", actor))
        {
            db.RecordAccess(EntityType, contactId.ToString(), AuditAction.Viewed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return AgencyView(contact);
    }

    /// <summary>
    /// The requests for information sent to the actor's agency, one page of them: the unanswered ones first, then the
    /// answered, each newest first and read in index order, with only what the page shows (the contact's children,
    /// not the whole contact); the counts are kept while the records are unchanged (<see cref="AgencyCounts"/>). The
    /// search is audited.
    /// </summary>
    public async Task<ListPage<AgencyRequestView>> RequestsToAgencyAsync(Actor actor, int page = 1, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var mine = db.Set<ContactInformationRequest>().AsNoTracking().Where(r => r.AgencyId == agencyId);
        var counts = await agencyCounts.GetAsync(agencyId, cancellationToken);
        var open = counts.OpenRequests;
        var total = open + counts.AnsweredRequests;
        var (number, skip) = ListPage.Clamp(total, page, pageSize);
        var requests = skip < open
            ? await RequestRows(mine.Where(r => r.RespondedAt == null), skip, pageSize).ToListAsync(cancellationToken)
            : [];
        if (requests.Count < pageSize && total > open)
        {
            requests.AddRange(await RequestRows(mine.Where(r => r.RespondedAt != null), Math.Max(0, skip - open), pageSize - requests.Count).ToListAsync(cancellationToken));
        }

        var views = await RequestViewsAsync(requests, cancellationToken);
        using (db.BeginProcess("FrontDoor.AgencyRequests", actor))
        {
            db.RecordAccess("ContactInformationRequest", "agency:" + agencyId, AuditAction.Searched, $"results={requests.Count}; total={total}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ListPage<AgencyRequestView>(views, total, number, pageSize);
    }

    /// <summary>One request for information sent to the actor's agency, audited; null for any other.</summary>
    public async Task<AgencyRequestView?> RequestToAgencyAsync(Guid requestId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var rows = await RequestRows(db.Set<ContactInformationRequest>().AsNoTracking().Where(r => r.Id == requestId && r.AgencyId == agencyId), 0, 1).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        using (db.BeginProcess("FrontDoor.ViewAgencyRequest", actor))
        {
            db.RecordAccess("ContactInformationRequest", requestId.ToString(), AuditAction.Viewed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await RequestViewsAsync(rows, cancellationToken))[0];
    }

    /// <summary>The requests as an agency's page shows them: each child by the name on the index (a restricted record by the name the contact gave).</summary>
    private async Task<IReadOnlyList<AgencyRequestView>> RequestViewsAsync(List<AgencyRequestRow> requests, CancellationToken cancellationToken)
    {
        var personIds = requests.SelectMany(r => r.Children).Where(c => c.PersonId != null).Select(c => c.PersonId!.Value).Distinct().ToList();
        var names = personIds.Count == 0
            ? []
            : await db.Set<Person>().AsNoTracking().Where(p => EF.Parameter(personIds).Contains(p.Id) && !p.IsRestricted)
                .ToDictionaryAsync(p => p.Id, p => p.DisplayName + (p.DateOfBirth is { } d ? ", born " + d.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : ""), cancellationToken);
        return [.. requests.Select(r => new AgencyRequestView(
            r.Id, r.Version, r.ContactId, r.RequestedAt, r.RequestedByName, r.Question,
            [.. r.Children.Select(c => c.PersonId is { } id && names.TryGetValue(id, out var n) ? n : c.DescribedName)],
            r.Response, r.RespondedAt, r.RespondedByName))];
    }

    /// <summary>Requests newest first from <paramref name="skip"/>, <paramref name="count"/> of them, with what an agency's page shows of each.</summary>
    private static IQueryable<AgencyRequestRow> RequestRows(IQueryable<ContactInformationRequest> requests, int skip, int count) => requests
        .OrderByDescending(r => r.RequestedAt)
        .ThenBy(r => r.Id)
        .Skip(skip)
        .Take(count)
        .Select(r => new AgencyRequestRow(
            r.Id, r.Version, r.ContactId, r.RequestedAt, r.RequestedByName, r.Question, r.Response, r.RespondedAt, r.RespondedByName,
            r.Contact!.Children.Select(c => new AgencyRequestChild(c.DescribedName, c.PersonId)).ToList()));

    private sealed record AgencyRequestChild(string DescribedName, Guid? PersonId);

    private sealed record AgencyRequestRow(
        Guid Id, int Version, Guid ContactId, DateTimeOffset RequestedAt, string RequestedByName, string Question, string? Response, DateTimeOffset? RespondedAt,
        string? RespondedByName, List<AgencyRequestChild> Children);

    private static AgencyContactView AgencyView(Contact c) =>
        new(c.Id, c.ReceivedAt, c.ReferrerName, c.Concerns, [.. c.Children.Select(ch => new AgencyContactChild(ch.DescribedName, ch.PersonId))], c.Decision, c.DecidedAt);

    private static ReferralHandoff Handoff(Contact c) => new(
        c.Id, [.. c.Children.Where(ch => ch.PersonId is not null).Select(ch => ch.PersonId!.Value)], c.ReceivedAt, c.DecidedAt!.Value,
        UkTime.ToUkDate(c.DecidedAt!.Value), c.ReferralSource, c.FromAgencyId);

    private async Task<ContactChild> ChildRowAsync(ContactChildInput input, int index, Guid contactId, ContactChannel channel, Actor actor, CancellationToken cancellationToken)
    {
        if (input.PersonId is { } personId)
        {
            // A partner's id was checked against their agency's contacts; they cannot search the index themselves.
            var candidates = channel == ContactChannel.Partner ? db.Set<Person>() : people.Visible(actor);
            var person = await candidates.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, cancellationToken);
            if (person is null || person.Kind != PersonKind.Child)
            {
                throw new SafeguardValidationException($"Children[{index}]", "Select the child's record");
            }

            return new ContactChild { ContactId = contactId, PersonId = person.Id, DescribedName = person.DisplayName, DescribedDateOfBirth = person.DateOfBirth ?? person.ExpectedDateOfBirth };
        }

        var details = input.Details! with { Kind = PersonKind.Child };
        var nhs = string.IsNullOrWhiteSpace(details.NhsNumber) ? null : NhsNumber.Normalise(details.NhsNumber);
        var upn = string.IsNullOrWhiteSpace(details.Upn) ? null : UniquePupilNumber.Normalise(details.Upn);
        var row = new ContactChild
        {
            ContactId = contactId,
            DescribedName = $"{details.GivenNames?.Trim()} {details.FamilyName?.Trim()}".Trim(),
            DescribedDateOfBirth = details.DateOfBirth ?? details.ExpectedDateOfBirth,
            DescribedNhsNumber = nhs is { Length: <= 10 } ? nhs : null,
            DescribedUpn = upn is { Length: <= 13 } ? upn : null,
        };

        // A child already known by an identifier is linked, whoever submits: the identifiers are unique to a child.
        var known = await db.Set<Person>().AsNoTracking()
            .Where(p => p.MergedIntoId == null && p.Kind == PersonKind.Child
                && ((row.DescribedNhsNumber != null && p.NhsNumber == row.DescribedNhsNumber) || (row.DescribedUpn != null && p.Upn == row.DescribedUpn)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        if (known.Count == 1)
        {
            row.PersonId = known[0];
            return row;
        }

        if (known.Count > 1)
        {
            // The NHS number and UPN name different children: the front door sorts it out.
            return row;
        }

        try
        {
            var created = await people.CreateAsync(details, input.ConfirmedDifferentFrom ?? [], actor, cancellationToken);
            row.PersonId = created.Id;
            return row;
        }
        catch (PossibleDuplicatesException) when (channel == ContactChannel.Partner)
        {
            // The partner may not see who the look-alikes are: the front door identifies the child.
            return row;
        }
        catch (SafeguardValidationException ex)
        {
            throw new SafeguardValidationException([.. ex.Problems.Select(p => new ValidationProblem($"Children[{index}].{p.Field}", p.Message))]);
        }
    }

    private async Task<Contact> FindAsync(Guid contactId, CancellationToken cancellationToken) =>
        await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken)
            ?? throw new SafeguardValidationException("ContactId", "There is no such contact");

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    internal static void CheckConsent(List<ValidationProblem> problems, ConsentPosition consent, string? reason)
    {
        if (!Enum.IsDefined(consent))
        {
            problems.Add(new("Consent", "Select the consent position"));
        }
        else if (consent is ConsentPosition.Refused or ConsentPosition.Overridden && string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("ConsentReason", consent == ConsentPosition.Refused
                ? "Say why consent was refused, as far as you know"
                : "Say why consent was overridden: the public interest or risk that justifies it"));
        }

        CheckOptional(problems, "ConsentReason", reason, "consent reason", Contact.MaxReasonLength);
    }

    internal static void CheckText(List<ValidationProblem> problems, string field, string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, $"Enter {what}"));
        }
        else if (value.Trim().Length > max)
        {
            problems.Add(new(field, $"This must be {max} characters or fewer"));
        }
    }

    internal static void CheckOptional(List<ValidationProblem> problems, string field, string? value, string what, int max)
    {
        if (value?.Trim().Length > max)
        {
            problems.Add(new(field, $"The {what} must be {max} characters or fewer"));
        }
    }
}
