using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Interchange.Ssda903;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>
/// The import of the UASC and PrevPerm tables into the child's asylum-seeking status and previous permanence (ADR 0088):
/// one record of each a child, matched by the child; compared and changed only where the return differs.
/// </summary>
public sealed partial class Ssda903ImportService
{
    /// <summary>The asylum-seeking statuses and previous permanence records of a batch's children, by child.</summary>
    private async Task<(Dictionary<Guid, UascStatus> Uasc, Dictionary<Guid, PreviousPermanence> Permanence)> UascAndPermanenceAsync(
        List<Guid> personIds, CancellationToken cancellationToken) =>
        (await db.Set<UascStatus>().Where(u => personIds.Contains(u.PersonId)).ToDictionaryAsync(u => u.PersonId, cancellationToken),
         await db.Set<PreviousPermanence>().Where(p => personIds.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, cancellationToken));

    private sealed partial class Run
    {
        public void ApplyUascAndPermanence(SafeguardDbContext db, Person person, Ssda903Child child, (Dictionary<Guid, UascStatus> Uasc, Dictionary<Guid, PreviousPermanence> Permanence) recorded)
        {
            ApplyUasc(db, person, child, recorded.Uasc);
            ApplyPermanence(db, person, child, recorded.Permanence);
        }

        /// <summary>
        /// UASC: the child was an unaccompanied asylum-seeking child. DUC on the 18th birthday (or blank) is the status ending
        /// at 18, kept as no early end; another date is when it ceased. The return does not say when the child became UASC.
        /// </summary>
        private void ApplyUasc(SafeguardDbContext db, Person person, Ssda903Child child, Dictionary<Guid, UascStatus> recorded)
        {
            if (child.Uasc.Count == 0)
            {
                return;
            }

            var source = child.Uasc[0];
            var eighteenth = (person.DateOfBirth ?? source.Dob.Value)?.AddYears(18);
            var ceased = source.Duc.Value is { } duc && duc != eighteenth ? duc : (DateOnly?)null;
            if (!recorded.TryGetValue(person.Id, out var status))
            {
                status = new UascStatus { PersonId = person.Id, CeasedOn = ceased, RecordedAt = Now, RecordedByName = "SSDA903 import" };
                db.Add(status);
                recorded[person.Id] = status;
                Tallies[Ssda903RecordKind.UascStatus].Created++;
                return;
            }

            // A blank DUC leaves the record as it is; a date (the 18th birthday included) is what the return says.
            var changed = false;
            if (source.Duc.Value is not null && status.CeasedOn != ceased)
            {
                (status.CeasedOn, status.CeasedReason) = (ceased, ceased is null ? null : status.CeasedReason);
                changed = true;
            }

            Tally(Ssda903RecordKind.UascStatus, changed);
        }

        /// <summary>
        /// PrevPerm: the option, the authority and the order's date (dd/mm/yyyy with ZZ for a part not known). An option that
        /// is not an order (P4, Z1) has neither authority nor date: those of a return are noted and not kept.
        /// </summary>
        private void ApplyPermanence(SafeguardDbContext db, Person person, Ssda903Child child, Dictionary<Guid, PreviousPermanence> recorded)
        {
            if (child.PrevPerm.Count == 0)
            {
                return;
            }

            var source = child.PrevPerm[0];
            var where = $"PrevPerm line {source.Line.ToString(CultureInfo.InvariantCulture)}";
            var option = source.PrevPerm?.Trim().ToUpperInvariant();
            if (option is null)
            {
                Notes.Add($"{where}: child {child.Id}'s row has no previous permanence option (PREV_PERM) and records nothing.");
                return;
            }

            var authority = source.LaPerm?.Trim().ToUpperInvariant();
            (int? Day, int? Month, int? Year)? date = null;
            if (authority is { Length: > PreviousPermanence.MaxCodeLength })
            {
                Problems.Add(new(where, $"Child {child.Id}: the LA_PERM '{source.LaPerm}' is not a local authority code ({PreviousPermanence.MaxCodeLength} characters at most)"));
                return;
            }

            if (source.DatePerm is { } text)
            {
                if (!PreviousPermanence.TryParseDate(text, out var parsed))
                {
                    Problems.Add(new(where, $"Child {child.Id}: the DATE_PERM '{text}' is not a date dd/mm/yyyy (ZZ, or ZZZZ for the year, for a part not known)"));
                    return;
                }

                date = parsed;
            }

            if (!PreviousPermanence.IsOrder(option))
            {
                if (authority is not null || date is not null)
                {
                    Notes.Add($"{where}: child {child.Id}'s previous permanence {option} is not an order: its LA_PERM and DATE_PERM are not kept.");
                }

                (authority, date) = (null, null);
            }

            if (!recorded.TryGetValue(person.Id, out var previous))
            {
                previous = new PreviousPermanence
                {
                    PersonId = person.Id,
                    Option = option,
                    LocalAuthority = authority,
                    OrderDay = date?.Day,
                    OrderMonth = date?.Month,
                    OrderYear = date?.Year,
                    RecordedAt = Now,
                    RecordedByName = "SSDA903 import",
                };
                db.Add(previous);
                recorded[person.Id] = previous;
                Tallies[Ssda903RecordKind.PreviousPermanence].Created++;
                return;
            }

            // A blank LA_PERM or DATE_PERM leaves the recorded value, unless the option is not an order (then both go).
            var changed = false;
            Set(ref changed, previous.Option, option, v => previous.Option = v);
            if (!PreviousPermanence.IsOrder(option))
            {
                if (previous.LocalAuthority is not null || previous.OrderDay is not null || previous.OrderMonth is not null || previous.OrderYear is not null)
                {
                    (previous.LocalAuthority, previous.OrderDay, previous.OrderMonth, previous.OrderYear) = (null, null, null, null);
                    changed = true;
                }
            }
            else
            {
                Set(ref changed, previous.LocalAuthority, authority, v => previous.LocalAuthority = v);
                if (date is { } d && (previous.OrderDay, previous.OrderMonth, previous.OrderYear) != d)
                {
                    (previous.OrderDay, previous.OrderMonth, previous.OrderYear) = d;
                    changed = true;
                }
            }

            Tally(Ssda903RecordKind.PreviousPermanence, changed);
        }
    }
}
