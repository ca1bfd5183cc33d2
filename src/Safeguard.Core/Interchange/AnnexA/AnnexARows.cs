using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Persistence;

namespace Safeguard.Interchange.AnnexA;

public sealed partial class AnnexAExport
{
    private sealed record PersonFacts(Guid Id, string? CouncilChildId, string Sex, string? Ethnicity, DateOnly? DateOfBirth, string? Disabilities);

    /// <summary>One list's rows, read from the records in chunks and written as they are made.</summary>
    private sealed partial class Rows(AnnexAExport export, Sink sink, AnnexAList list, DateOnly asAt, DateOnly from, DateOnly until, Names names)
    {
        private SafeguardDbContext Db => export.Db;

        private DateTimeOffset FromInstant => UkTime.StartOfDay(@from);

        private DateTimeOffset UntilInstant => UkTime.StartOfDay(until.AddDays(1));

        private DateOnly YearAgo => asAt.AddMonths(-12).AddDays(1);

        public Task WriteAsync(CancellationToken cancellationToken) => list.Number switch
        {
            1 => ContactsAsync(cancellationToken),
            2 => EarlyHelpAsync(cancellationToken),
            3 => ReferralsAsync(cancellationToken),
            4 => AssessmentsAsync(cancellationToken),
            5 => EnquiriesAsync(cancellationToken),
            6 => ChildrenInNeedAsync(cancellationToken),
            7 => ProtectionAsync(cancellationToken),
            8 => InCareAsync(cancellationToken),
            9 => CareLeaversAsync(cancellationToken),
            10 => AdoptionAsync(cancellationToken),
            _ => Task.CompletedTask, // 11: adopters are not recorded in Safeguard: the header only.
        };

        // List 1: each identified child of each contact received in the window.
        private async Task ContactsAsync(CancellationToken cancellationToken)
        {
            var (start, end) = (FromInstant, UntilInstant);
            var contacts = await (from child in Db.Set<FrontDoor.ContactChild>().AsNoTracking()
                                  join contact in Db.Contacts.AsNoTracking() on child.ContactId equals contact.Id
                                  where child.PersonId != null && contact.ReceivedAt >= start && contact.ReceivedAt < end
                                  orderby contact.ReceivedAt
                                  select new { PersonId = child.PersonId!.Value, contact.ReceivedAt, contact.ReferralSource })
                .ToListAsync(cancellationToken);
            foreach (var chunk in contacts.Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk.Select(c => c.PersonId), cancellationToken);
                foreach (var c in chunk)
                {
                    var row = Child(people, c.PersonId);
                    Set(row, "Date of Contact", Date(UkTime.ToUkDate(c.ReceivedAt)));
                    Set(row, "Contact Source", Source(c.ReferralSource, "Contact Source"));
                    sink.Write(row);
                }
            }
        }

        // List 2: early help assessments, from the early help source.
        private async Task EarlyHelpAsync(CancellationToken cancellationToken)
        {
            var batch = new List<AnnexAEarlyHelpAssessment>();
            await foreach (var a in export.EarlyHelp.AssessmentsAsync(from, until, cancellationToken))
            {
                batch.Add(a);
                if (batch.Count == Chunk)
                {
                    await Flush();
                }
            }

            await Flush();

            async Task Flush()
            {
                var people = await PeopleAsync(batch.Select(a => a.PersonId), cancellationToken);
                foreach (var a in batch)
                {
                    var row = Child(people, a.PersonId);
                    Set(row, "Assessment start date", Date(a.StartedOn));
                    Set(row, "Assessment completion date", Date(a.CompletedOn));
                    Set(row, "Organisation completing assessment", a.Organisation);
                    sink.Write(row);
                }

                batch.Clear();
            }
        }

        // List 3: referrals received in the window.
        private async Task ReferralsAsync(CancellationToken cancellationToken)
        {
            var referrals = await Db.NeedEpisodes.AsNoTracking().Where(e => e.ReferralDate >= @from && e.ReferralDate <= until)
                .OrderBy(e => e.ReferralDate).Select(e => new { e.Id, e.PersonId, e.ReferralDate, e.ReferralSource, e.ReferralNfa })
                .ToListAsync(cancellationToken);
            foreach (var chunk in referrals.Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk.Select(r => r.PersonId), cancellationToken);
                var allocations = await EpisodeAllocationsAsync(chunk.Select(r => r.Id), cancellationToken);
                var ids = chunk.Select(r => r.PersonId).Distinct().ToList();
                var yearAgo = YearAgo;
                var counts = (await Db.NeedEpisodes.AsNoTracking().Where(e => ids.Contains(e.PersonId) && e.ReferralDate >= yearAgo && e.ReferralDate <= asAt)
                        .Select(e => e.PersonId).ToListAsync(cancellationToken))
                    .CountBy(p => p).ToDictionary();
                foreach (var r in chunk)
                {
                    var row = Child(people, r.PersonId);
                    Set(row, "Date of referral", Date(r.ReferralDate));
                    Set(row, "Referral Source", Source(r.ReferralSource, "Referral Source"));
                    Set(row, "Referral NFA?", YesNo(r.ReferralNfa));
                    Set(row, "Number of Referrals in Last 12 Months", Number(counts.GetValueOrDefault(r.PersonId)));
                    Allocated(row, allocations.GetValueOrDefault(r.Id));
                    sink.Write(row);
                }
            }
        }

        // List 4: assessments started or completed in the window, or open at its end.
        private async Task AssessmentsAsync(CancellationToken cancellationToken)
        {
            var assessments = await (from a in Db.Set<Journey.CaseAssessment>().AsNoTracking()
                                     join e in Db.NeedEpisodes.AsNoTracking() on a.EpisodeId equals e.Id
                                     where a.StartDate <= until && (a.AuthorisationDate == null || a.AuthorisationDate >= @from)
                                     orderby a.StartDate
                                     select new { a.EpisodeId, e.PersonId, a.StartDate, a.ChildSeenDate, a.AuthorisationDate, e.ClosureDate, e.ReasonForClosure })
                .ToListAsync(cancellationToken);
            foreach (var chunk in assessments.Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk.Select(a => a.PersonId), cancellationToken);
                var allocations = await EpisodeAllocationsAsync(chunk.Select(a => a.EpisodeId), cancellationToken);
                foreach (var a in chunk)
                {
                    var row = Child(people, a.PersonId);
                    var authorised = a.AuthorisationDate is { } d && d <= asAt ? d : (DateOnly?)null;
                    Set(row, "Continuous Assessment Start Date", Date(a.StartDate));
                    Set(row, "Child Seen During Continuous Assessment", YesNo(a.ChildSeenDate is { } seen && seen <= asAt));
                    Set(row, "Continuous Assessment Date of Authorisation", Date(authorised));

                    // Authorised: no further support when the episode closed after it as not in need (RC8) or to early help (RC9).
                    Set(row, "Was the child assessed as requiring LA children's social care support?", authorised is null ? null
                        : YesNo(!(a.ClosureDate is { } closed && closed <= asAt && a.ReasonForClosure is "RC8" or "RC9")));
                    Allocated(row, allocations.GetValueOrDefault(a.EpisodeId));
                    sink.Write(row);
                }
            }
        }

        // List 5: section 47 enquiries whose strategy discussion, or whose initial conference, fell in the window.
        private async Task EnquiriesAsync(CancellationToken cancellationToken)
        {
            var enquiries = await (from s in Db.Set<Journey.S47Enquiry>().AsNoTracking()
                                   join e in Db.NeedEpisodes.AsNoTracking() on s.EpisodeId equals e.Id
                                   join d in Db.Set<Journey.StrategyDiscussion>().AsNoTracking() on s.StrategyDiscussionId equals d.Id
                                   where (d.Date >= @from && d.Date <= until) || (s.ConferenceDate >= @from && s.ConferenceDate <= until)
                                   orderby d.Date
                                   select new { s.EpisodeId, e.PersonId, Strategy = d.Date, s.IcpcNotRequired, s.ConferenceDate, s.ConferenceOutcome })
                .ToListAsync(cancellationToken);
            foreach (var chunk in enquiries.Chunk(Chunk))
            {
                var people = await PeopleAsync(chunk.Select(s => s.PersonId), cancellationToken);
                var allocations = await EpisodeAllocationsAsync(chunk.Select(s => s.EpisodeId), cancellationToken);
                var ids = chunk.Select(s => s.PersonId).Distinct().ToList();
                var yearAgo = YearAgo;
                var theirs = await (from s in Db.Set<Journey.S47Enquiry>().AsNoTracking()
                                    join e in Db.NeedEpisodes.AsNoTracking() on s.EpisodeId equals e.Id
                                    where ids.Contains(e.PersonId)
                                    select new { e.PersonId, s.StartDate, s.ConferenceDate })
                    .ToListAsync(cancellationToken);
                var enquiriesInYear = theirs.Where(s => s.StartDate >= yearAgo && s.StartDate <= asAt).CountBy(s => s.PersonId).ToDictionary();
                var conferencesInYear = theirs.Where(s => s.ConferenceDate is { } c && c >= yearAgo && c <= asAt).CountBy(s => s.PersonId).ToDictionary();
                foreach (var s in chunk)
                {
                    var row = Child(people, s.PersonId);
                    var held = s.ConferenceDate is { } c && c <= asAt ? c : (DateOnly?)null;
                    Set(row, "Strategy discussion initiating Section 47 Enquiry Start Date", Date(s.Strategy));
                    Set(row, "Was an Initial Child Protection Conference deemed unnecessary?", s.IcpcNotRequired ? "Yes" : held is null ? null : "No");
                    Set(row, "Date of Initial Child Protection Conference", Date(held));
                    Set(row, "Did the Initial Child Protection Conference Result in a Child Protection Plan", held is null ? null : YesNo(s.ConferenceOutcome == Journey.ConferenceOutcome.Plan));
                    Set(row, "Number of Section 47 Enquiries in the last 12 months", Number(enquiriesInYear.GetValueOrDefault(s.PersonId)));
                    Set(row, "Number of ICPCs in the last 12 months", Number(conferencesInYear.GetValueOrDefault(s.PersonId)));
                    Allocated(row, allocations.GetValueOrDefault(s.EpisodeId));
                    sink.Write(row);
                }
            }
        }

        private string?[] NewRow() => new string?[list.Columns.Count];

        private bool Has(string column) => list.Columns.Any(c => c.Name == column);

        private void Set(string?[] row, string column, string? value) => row[list.IndexOf(column)] = value;

        private string? Code(string column, string? value) => Schema.CodeFor(list, column, value);

        /// <summary>A census referral source as the template's source; early help (5D) is a council service.</summary>
        private string? Source(string? code, string column) => Code(column, code == "5D" ? "5A" : code);

        /// <summary>A row with the child's columns filled: the council's child id, gender, ethnicity, date of birth, age on the date, disability.</summary>
        private string?[] Child(Dictionary<Guid, PersonFacts> people, Guid personId)
        {
            var row = NewRow();
            if (!people.TryGetValue(personId, out var p))
            {
                return row;
            }

            Set(row, "Child Unique ID", string.IsNullOrWhiteSpace(p.CouncilChildId) ? p.Id.ToString("N", CultureInfo.InvariantCulture) : p.CouncilChildId);
            Set(row, "Gender", Code("Gender", p.Sex));
            Set(row, "Ethnicity", Code("Ethnicity", p.Ethnicity) ?? "f) Not stated");
            Set(row, "Date of Birth", Date(p.DateOfBirth));
            if (p.DateOfBirth is { } born && born <= asAt)
            {
                var age = asAt.Year - born.Year - (asAt < born.AddYears(asAt.Year - born.Year) ? 1 : 0);
                Set(row, "Age of Child (Years)", Number(age));
            }

            if (Has("Does the Child have a Disability"))
            {
                var codes = (p.Disabilities ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Set(row, "Does the Child have a Disability", codes.Length == 0 ? "Unknown" : YesNo(codes.Any(c => c != "NONE")));
            }

            return row;
        }

        private void Allocated(string?[] row, (string? Team, string? Worker) allocation)
        {
            Set(row, "Allocated Team", allocation.Team);
            Set(row, "Allocated Worker", allocation.Worker);
        }

        private async Task<Dictionary<Guid, PersonFacts>> PeopleAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken)
        {
            var ids = personIds.Distinct().ToList();
            return await Db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new PersonFacts(p.Id, p.CouncilChildId, p.Sex, p.Ethnicity, p.DateOfBirth, p.Disabilities))
                .ToDictionaryAsync(p => p.Id, cancellationToken);
        }

        /// <summary>Each episode's team and worker on the date: the allocation open then, else the latest before it.</summary>
        private async Task<Dictionary<Guid, (string? Team, string? Worker)>> EpisodeAllocationsAsync(IEnumerable<Guid> episodeIds, CancellationToken cancellationToken)
        {
            var ids = episodeIds.Distinct().ToList();
            var end = UntilInstant;
            var allocations = await Db.Set<Journey.CaseAllocation>().AsNoTracking().Where(a => ids.Contains(a.EpisodeId) && a.From < end)
                .Select(a => new { a.EpisodeId, a.TeamId, a.WorkerId, a.From, a.To }).ToListAsync(cancellationToken);
            return allocations.GroupBy(a => a.EpisodeId).ToDictionary(g => g.Key, g =>
            {
                var a = g.OrderByDescending(x => x.To is null || x.To >= end).ThenByDescending(x => x.From).First();
                return (names.Teams.GetValueOrDefault(a.TeamId), a.WorkerId is { } w ? names.Users.GetValueOrDefault(w) : null);
            });
        }

        /// <summary>Each child's team and worker on the date, from their latest episode's allocation.</summary>
        private async Task<Dictionary<Guid, (string? Team, string? Worker)>> PersonAllocationsAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken)
        {
            var ids = personIds.Distinct().ToList();
            var end = UntilInstant;
            var allocations = await Db.Set<Journey.CaseAllocation>().AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.From < end)
                .Select(a => new { a.PersonId, a.TeamId, a.WorkerId, a.From, a.To }).ToListAsync(cancellationToken);
            return allocations.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g =>
            {
                var a = g.OrderByDescending(x => x.To is null || x.To >= end).ThenByDescending(x => x.From).First();
                return (names.Teams.GetValueOrDefault(a.TeamId), a.WorkerId is { } w ? names.Users.GetValueOrDefault(w) : null);
            });
        }

        private static string? Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        private static string YesNo(bool value) => value ? "Yes" : "No";

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
