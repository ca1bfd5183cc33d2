using Safeguard.People;

namespace Safeguard.Interchange.Cin.Rules;

/// <summary>Rules on who the child is: identifiers, dates of birth and death, sex, ethnicity, disabilities.</summary>
internal static class ChildRulesOnIdentity
{
    private static int Line(CinChild child, CinField field) => child.LineOf(field);

    /// <summary>1510: the first character of a UPN is the check letter of the other twelve.</summary>
    public static void UpnCheckLetter(CinChild child, CinRuleContext context)
    {
        if (child.Upn is not { Length: 13 } upn || UniquePupilNumber.ExpectedCheckLetter(upn) is not { } letter)
        {
            return; // The reader reports a UPN of the wrong length; 1540 or 1550 one that is not well formed.
        }

        if (char.ToUpperInvariant(upn[0]) != letter)
        {
            context.Report(Line(child, CinField.Upn), "UPN");
        }
    }

    /// <summary>1530: characters 2 to 4 of a UPN are the code of the council that issued it.</summary>
    public static void UpnLaCode(CinChild child, CinRuleContext context)
    {
        if (child.Upn is { Length: 13 } upn && !context.ReferenceData.IsInList("upn-la-code", upn.AsSpan(1, 3)))
        {
            context.Report(Line(child, CinField.Upn), "UPN");
        }
    }

    /// <summary>1540: characters 5 to 12 of a UPN are digits.</summary>
    public static void UpnDigits(CinChild child, CinRuleContext context)
    {
        if (child.Upn is { Length: >= 12 } upn && !upn[4..12].All(char.IsAsciiDigit))
        {
            context.Report(Line(child, CinField.Upn), "UPN");
        }
    }

    /// <summary>1550: character 13 of a UPN is a digit or a letter other than I, O and S.</summary>
    public static void UpnLastCharacter(CinChild child, CinRuleContext context)
    {
        if (child.Upn is { Length: 13 } upn && !(char.IsAsciiDigit(upn[12]) || UniquePupilNumber.CheckLetters.Contains(upn[12], StringComparison.Ordinal)))
        {
            context.Report(Line(child, CinField.Upn), "UPN");
        }
    }

    /// <summary>1560Q: a former UPN has the form of a UPN: a letter, eleven digits, then a digit or a letter.</summary>
    public static void FormerUpnFormat(CinChild child, CinRuleContext context)
    {
        if (child.FormerUpn is not { } former)
        {
            return;
        }

        var wellFormed = former.Length == 13
            && char.IsAsciiLetter(former[0])
            && former[1..12].All(char.IsAsciiDigit)
            && char.IsAsciiLetterOrDigit(former[12]);
        if (!wellFormed)
        {
            context.Report(Line(child, CinField.FormerUpn), "FormerUPN");
        }
    }

    /// <summary>1570: the council's child id is at most 20 characters.</summary>
    public static void LaChildIdLength(CinChild child, CinRuleContext context)
    {
        if (child.LaChildId is { Length: > 20 })
        {
            context.Report(Line(child, CinField.LaChildId), "LAchildID");
        }
    }

    /// <summary>1580: the council's child id has only letters and digits.</summary>
    public static void LaChildIdCharacters(CinChild child, CinRuleContext context)
    {
        if (child.LaChildId is { } id && !id.All(char.IsAsciiLetterOrDigit))
        {
            context.Report(Line(child, CinField.LaChildId), "LAchildID");
        }
    }

    /// <summary>4180: sex is given and is M, F or U.</summary>
    public static void SexValid(CinChild child, CinRuleContext context)
    {
        if (!context.ReferenceData.IsInList("sex", child.Sex))
        {
            context.Report(Line(child, CinField.Sex), "Sex");
        }
    }

    /// <summary>4220: ethnicity is given and in the code list.</summary>
    public static void EthnicityValid(CinChild child, CinRuleContext context)
    {
        if (!context.ReferenceData.IsInList("ethnicity", child.Ethnicity))
        {
            context.Report(Line(child, CinField.Ethnicity), "Ethnicity");
        }
    }

    /// <summary>8500: the council's child id is given.</summary>
    public static void LaChildIdPresent(CinChild child, CinRuleContext context)
    {
        if (string.IsNullOrWhiteSpace(child.LaChildId))
        {
            context.Report(child.Line, "LAchildID");
        }
    }

    /// <summary>8520: the child was born on or before the reference date.</summary>
    public static void BornAfterCensusYear(CinChild child, CinRuleContext context)
    {
        if (child.BirthDate > context.ReferenceDate)
        {
            context.Report(Line(child, CinField.BirthDate), "PersonBirthDate");
        }
    }

    /// <summary>8525Q: exactly one of date of birth and expected date of birth.</summary>
    public static void BirthOrExpectedBirth(CinChild child, CinRuleContext context)
    {
        if (child.BirthDate.HasValue == child.ExpectedBirthDate.HasValue)
        {
            context.Report(child.BirthDate.HasValue ? Line(child, CinField.ExpectedBirthDate) : child.Line, "PersonBirthDate", "ExpectedPersonBirthDate");
        }
    }

    /// <summary>8530Q: an expected date of birth falls from 1 March to 31 December of the year the census ends.</summary>
    public static void ExpectedBirthInRange(CinChild child, CinRuleContext context)
    {
        if (child.ExpectedBirthDate is { } expected)
        {
            var year = context.ReferenceDate.Year;
            if (expected < new DateOnly(year, 3, 1) || expected > new DateOnly(year, 12, 31))
            {
                context.Report(Line(child, CinField.ExpectedBirthDate), "ExpectedPersonBirthDate");
            }
        }
    }

    /// <summary>8535Q: a child did not die before being born.</summary>
    public static void DiedBeforeBirth(CinChild child, CinRuleContext context)
    {
        if (child.DeathDate < child.BirthDate)
        {
            context.Report(Line(child, CinField.DeathDate), "PersonDeathDate", "PersonBirthDate");
        }
    }

    /// <summary>
    /// 8540: every disability recorded is a code in the list (an empty one is missing); and, as DfE's text asks, a
    /// child with a date of birth and a referral going on to further action has at least one (NONE when none).
    /// </summary>
    public static void DisabilityValid(CinChild child, CinRuleContext context)
    {
        if (child.Disabilities.Count == 0 && child.BirthDate is not null && Each.HasFurtherAction(child))
        {
            context.Report(Line(child, CinField.Disabilities) is > 0 and var line ? line : child.Line, "Disability");
            return;
        }

        var codes = context.ReferenceData.List("disability");
        foreach (var disability in child.Disabilities)
        {
            if (!codes.Contains(disability))
            {
                context.Report(Line(child, CinField.Disabilities), "Disability");
                return;
            }
        }
    }

    /// <summary>8545Q: a date of death falls in the census year.</summary>
    public static void DeathOutsideYear(CinChild child, CinRuleContext context)
    {
        if (child.DeathDate is { } death && !context.InCensusYear(death))
        {
            context.Report(Line(child, CinField.DeathDate), "PersonDeathDate");
        }
    }

    /// <summary>8750: an unborn child (expected date of birth, no date of birth) has sex U.</summary>
    public static void UnbornSexUnknown(CinChild child, CinRuleContext context)
    {
        if (child.BirthDate is null && child.ExpectedBirthDate is not null && child.Sex != "U")
        {
            context.Report(Line(child, CinField.Sex), "Sex", "ExpectedPersonBirthDate");
        }
    }

    /// <summary>
    /// 8770Q: a child aged 4 or over on the reference date (born on or before "ReferenceDate minus 4 years", 31 March
    /// 2021 for 2024-25) with a referral going on to further action has a UPN, or a reason for not having one other
    /// than UN1 (not of school age). DfE's text says "PersonBirthDate greater than or equal to [ReferenceDate minus 4
    /// years]", which taken literally would query every child under 4 and none of school age, against the rule's own
    /// message; Safeguard reads it as the age, as the message does (docs/cin-census.md).
    /// </summary>
    public static void SchoolAgeWithoutUpn(CinChild child, CinRuleContext context)
    {
        if (child.BirthDate is not { } birth || !Each.HasFurtherAction(child))
        {
            return;
        }

        var schoolAge = context.ReferenceDate.AddYears(-4);
        var reasonGiven = child.UpnUnknown is { } reason && reason != "UN1" && context.ReferenceData.IsInList("upn-unknown", reason);
        if (birth <= schoolAge && child.Upn is null && !reasonGiven)
        {
            context.Report(child.UpnUnknown is null ? Line(child, CinField.LaChildId) : Line(child, CinField.UpnUnknown), "UPN", "UPNunknown");
        }
    }

    /// <summary>8772: the reason "UN7, referral with no further action" is not used when a referral went on to further action.</summary>
    public static void NoFurtherActionReasonWithFurtherAction(CinChild child, CinRuleContext context)
    {
        if (child.UpnUnknown == "UN7" && Each.HasFurtherAction(child))
        {
            context.Report(Line(child, CinField.UpnUnknown), "UPNunknown", "ReferralNFA");
        }
    }

    /// <summary>
    /// 8775Q: a child born more than 25 years before the reference date is queried when an episode is still open or
    /// closed after their 25th birthday (DfE's text); one whose episodes all closed before it is not.
    /// </summary>
    public static void OverTwentyFive(CinChild child, CinRuleContext context)
    {
        if (child.BirthDate is not { } birth || birth >= context.ReferenceDate.AddYears(-25))
        {
            return;
        }

        var twentyFifth = birth.AddYears(25);
        foreach (var episode in child.Episodes)
        {
            if (episode.ClosureDate is not { } closed || closed > twentyFifth)
            {
                context.Report(Line(child, CinField.BirthDate), "PersonBirthDate", "CINclosureDate");
                return;
            }
        }
    }

    /// <summary>8790: NONE is not recorded together with a disability.</summary>
    public static void DisabilityNoneWithOthers(CinChild child, CinRuleContext context)
    {
        if (child.Disabilities.Contains("NONE") && Each.HasOtherThan(child.Disabilities, "NONE"))
        {
            context.Report(Line(child, CinField.Disabilities), "Disability");
        }
    }

    /// <summary>8794: no disability code is recorded twice.</summary>
    public static void DisabilityRepeated(CinChild child, CinRuleContext context)
    {
        if (Each.HasRepeat(child.Disabilities))
        {
            context.Report(Line(child, CinField.Disabilities), "Disability");
        }
    }
}
