using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using static Safeguard.Interchange.Ssda903.Rules.Ages;

namespace Safeguard.Interchange.Ssda903.Rules;

/// <summary>Rules on the header (the child's details), UASC and reviews.</summary>
internal static partial class HeaderRules
{
    private const Ssda903Table H = Ssda903Table.Header;

    public static void SexValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Sex is null || !Ssda903Schema.Sex.Contains(h.Sex))
            {
                context.Report(H, h, "SEX");
            }
        }
    }

    public static void DobValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Dob.Missing)
            {
                context.Report(H, h, "DOB");
            }
        }
    }

    public static void EthnicValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Ethnic is null || !Ssda903Schema.Ethnic.Contains(h.Ethnic))
            {
                context.Report(H, h, "ETHNIC");
            }
        }
    }

    public static void UascFlagValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.HasUascColumn && (h.Uasc is null || !Ssda903Schema.ZeroOne.Contains(h.Uasc)))
            {
                context.Report(H, h, "UASC");
            }
        }
    }

    public static void MotherValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Mother is not null && !Ssda903Schema.ZeroOne.Contains(h.Mother))
            {
                context.Report(H, h, "MOTHER");
            }
        }
    }

    public static void UpnValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Upn is not null && !Upn().IsMatch(h.Upn))
            {
                context.Report(H, h, "UPN");
            }
        }
    }

    public static void UpnPresent(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Upn is null)
            {
                context.Report(H, h, "UPN");
            }
        }
    }

    public static void MotherChildDobValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.MotherChildDob.Invalid)
            {
                context.Report(H, h, "MC_DOB");
            }
        }
    }

    public static void MotherChildDobForMale(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.MotherChildDob.Given && h.Sex == "1")
            {
                context.Report(H, h, "MC_DOB", "SEX");
            }
        }
    }

    public static void BornAfterYear(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Dob.Value > context.End)
            {
                context.Report(H, h, "DOB");
            }
        }
    }

    // 351 "Child was over 25 at the start of the current collection year": past the 25th birthday on 1 April.
    public static void OverTwentyFive(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Dob.Value is { } dob && dob.AddYears(25) < context.Start)
            {
                context.Report(H, h, "DOB");
            }
        }
    }

    public static void MotherWithoutChildDob(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Mother == "1" && !h.MotherChildDob.Given)
            {
                context.Report(H, h, "MC_DOB", "MOTHER");
            }
        }
    }

    public static void ChildDobButNotMother(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Mother == "0" && h.MotherChildDob.Given)
            {
                context.Report(H, h, "MC_DOB", "MOTHER", "SEX");
            }
        }
    }

    // 620 "recorded as a mother, but date of birth shows that the mother is under 11": under 11 on 1 April.
    public static void MotherUnderEleven(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Mother == "1" && h.Dob.Value is { } dob && On(dob, context.Start) < 11)
            {
                context.Report(H, h, "DOB", "MOTHER");
            }
        }
    }

    public static void MotherYoungerThanChild(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.Dob.Value is { } dob && h.MotherChildDob.Value is { } childDob && dob > childDob)
            {
                context.Report(H, h, "DOB", "MC_DOB");
            }
        }
    }

    // 625: the first child's date of birth after the end of the year, or after the child ceased to be looked after.
    public static void MotherChildDobTooLate(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var h in CollectionsMarshal.AsSpan(child.Headers))
        {
            if (h.MotherChildDob.Value is not { } born)
            {
                continue;
            }

            var last = child.Episodes.Count > 0 ? child.Episodes[^1] : null;
            if (born > context.End || (last is { EndsCare: true } && last.Dec.Value is { } ceased && born > ceased))
            {
                context.Report(H, h, "DEC", "MC_DOB");
            }
        }
    }

    public static void SexChanged(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { } h && child.HeaderLast is { } last && h.Sex is not null && last.Sex is not null && h.Sex != last.Sex)
        {
            context.Report(H, h, "SEX");
        }
    }

    public static void DobChanged(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { } h && child.HeaderLast is { } last && h.Dob.Value is { } dob && last.Dob.Value is { } before && dob != before)
        {
            context.Report(H, h, "DOB");
        }
    }

    public static void EthnicChanged(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { } h && child.HeaderLast is { } last && h.Ethnic is not null && last.Ethnic is not null && h.Ethnic != last.Ethnic)
        {
            context.Report(H, h, "ETHNIC");
        }
    }

    // 208: last year's UPN was a real one (not an unknown code UN1-UN5) and this year's differs.
    public static void UpnChanged(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { } h && child.HeaderLast is { } last && last.Upn is { } before && !before.StartsWith("UN", StringComparison.Ordinal)
            && h.Upn is not null && h.Upn != before)
        {
            context.Report(H, h, "UPN");
        }
    }

    public static void MotherChildDobChanged(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { } h && child.HeaderLast is { } last && h.MotherChildDob.Value is { } now && last.MotherChildDob.Value is { } before && now != before)
        {
            context.Report(H, h, "MC_DOB");
        }
    }

    // 210: UN4 ("UPN not yet obtained") for a child looked after for more than a week at 31 March.
    public static void Un4LookedAfterOverAWeek(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is not { Upn: "UN4" } h)
        {
            return;
        }

        foreach (var episode in CollectionsMarshal.AsSpan(child.Episodes))
        {
            if (episode.Decom.Value is { } decom && Days(decom, context.End) > 7 && (episode.Dec.Value is null || episode.Dec.Value > context.End))
            {
                context.Report(H, h, "DECOM", "UPN");
                return;
            }
        }
    }

    // EPI: a child in the header with no episodes (care leavers, in OC3, need none).
    public static void NoEpisodes(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is { } h && context.Has(Ssda903Table.Episodes) && child.Episodes.Count == 0 && child.Oc3.Count == 0)
        {
            context.Report(H, h, "CHILD");
        }
    }

    public static void DucValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var u in CollectionsMarshal.AsSpan(child.Uasc))
        {
            if (u.Duc.Invalid)
            {
                context.Report(Ssda903Table.Uasc, u, "DUC");
            }
        }
    }

    public static void DucAfterEighteenth(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var u in CollectionsMarshal.AsSpan(child.Uasc))
        {
            if (u.Duc.Value is { } duc && Dob(child, u.Dob) is { } dob && duc > dob.AddYears(18))
            {
                context.Report(Ssda903Table.Uasc, u, "DUC");
            }
        }
    }

    // 303: only where the header still carries the UASC flag.
    public static void DucWithoutUascFlag(Ssda903Child child, Ssda903RuleContext context)
    {
        if (child.Header is not { HasUascColumn: true } h || h.Uasc == "1")
        {
            return;
        }

        foreach (var u in CollectionsMarshal.AsSpan(child.Uasc))
        {
            if (u.Duc.Given)
            {
                context.Report(Ssda903Table.Uasc, u, "DUC", "UASC");
            }
        }
    }

    public static void ReviewDateValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var r in CollectionsMarshal.AsSpan(child.Reviews))
        {
            if (r.Review.Missing)
            {
                context.Report(Ssda903Table.Reviews, r, "REVIEW");
            }
        }
    }

    public static void ReviewCodeValid(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var r in CollectionsMarshal.AsSpan(child.Reviews))
        {
            if (r.ReviewCode is null || !Ssda903Schema.ReviewCode.Contains(r.ReviewCode))
            {
                context.Report(Ssda903Table.Reviews, r, "REVIEW_CODE");
            }
        }
    }

    public static void Pn0ButFourOrOver(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var r in CollectionsMarshal.AsSpan(child.Reviews))
        {
            if (r.ReviewCode == "PN0" && r.Review.Value is { } date && Dob(child, r.Dob) is { } dob && On(dob, date) >= 4)
            {
                context.Report(Ssda903Table.Reviews, r, "DOB", "REVIEW", "REVIEW_CODE");
            }
        }
    }

    public static void ParticipationButUnderFour(Ssda903Child child, Ssda903RuleContext context)
    {
        foreach (var r in CollectionsMarshal.AsSpan(child.Reviews))
        {
            if (In(r.ReviewCode, "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7") && r.Review.Value is { } date && Dob(child, r.Dob) is { } dob && On(dob, date) < 4)
            {
                context.Report(Ssda903Table.Reviews, r, "DOB", "REVIEW", "REVIEW_CODE");
            }
        }
    }

    // A letter other than I, O or S, then 12 digits or 11 digits and a letter; or an unknown code UN1-UN5.
    [GeneratedRegex(@"^(?:[A-HJ-NP-RT-Z](?:\d{12}|\d{11}[A-Z])|UN[1-5])$", RegexOptions.CultureInvariant)]
    private static partial Regex Upn();
}
