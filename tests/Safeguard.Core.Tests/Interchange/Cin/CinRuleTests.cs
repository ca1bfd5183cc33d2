using System.Xml.Linq;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Cin.Rules;
using static Safeguard.Core.Tests.Interchange.Cin.CinFixture;

namespace Safeguard.Core.Tests.Interchange.Cin;

/// <summary>
/// Every rule of 2024-25 fires on a return changed to break it, and stays silent on the valid return and on a
/// near miss. Child 1 has one closed episode (referral 2024-05-02, assessment 05-03 to 05-27, section 47 from 05-04
/// with its conference on 05-13, closure 2024-08-30); child 0 also has a protection plan (from its conference on
/// 2024-05-13 to 2024-08-29) and a second, open episode with an open child in need plan (from 2024-10-13).
/// </summary>
public sealed class CinRuleTests
{
    private const int ReturnLevel = -1;

    private static readonly Dictionary<string, (int Child, Action<CinFixture> Break)> Breaks = new()
    {
        ["100"] = (ReturnLevel, f => Set(f.Header, "ReferenceDate", "2025-03-30")),
        ["1103"] = (1, f => Set(f.Assessment(1), "AssessmentActualStartDate", "2024-05-01")),
        ["1104"] = (1, f => Set(f.Section47(1), "DateOfInitialCPC", "2024-05-01")),
        ["1105"] = (0, f => Set(f.ProtectionPlan(0), "CPPstartDate", "2024-04-30")),
        ["1510"] = (1, f => Set(f.Ids(1), "UPN", Swap(f.Ids(1).Element("UPN")!.Value))),
        ["1520"] = (1, f => Set(f.Ids(1), "UPN", f.Ids(0).Element("UPN")!.Value)),
        ["1530"] = (1, f => Set(f.Ids(1), "UPN", "A999000000011")),
        ["1540"] = (1, f => Set(f.Ids(1), "UPN", "A201ABCDEFGH1")),
        ["1550"] = (1, f => Set(f.Ids(1), "UPN", "A20100000001I")),
        ["1560Q"] = (1, f => Set(f.Ids(1), "FormerUPN", "X123")),
        ["1570"] = (1, f => Set(f.Ids(1), "LAchildID", "C12345678901234567890")),
        ["1580"] = (1, f => Set(f.Ids(1), "LAchildID", "C-0000001")),
        ["2883"] = (ReturnLevel, f =>
        {
            foreach (var s in f.Document.Descendants("Section47"))
            {
                Set(s, "DateOfInitialCPC", null);
                Set(s, "ICPCnotRequired", "1");
            }
        }
        ),
        ["2884"] = (1, f => Set(f.Episode(1), "DateOfInitialCPC", "2024-05-13")),
        ["2885"] = (0, f => Set(f.ProtectionPlan(0), "CPPstartDate", "2024-05-14")),
        ["2886Q"] = (ReturnLevel, f => Set(f.Ids(1), "Sex", "U")),
        ["2887Q"] = (ReturnLevel, f =>
        {
            foreach (var d in f.Document.Descendants("Disabilities").ToList())
            {
                d.ReplaceNodes(E("Disability", "NONE"));
            }
        }
        ),
        ["2888Q"] = (ReturnLevel, f =>
        {
            foreach (var d in f.Document.Descendants("Disabilities").ToList())
            {
                d.Elements().Skip(1).Remove();
            }
        }
        ),
        ["2889"] = (1, f => Set(f.Section47(1), "S47ActualStartDate", "2024-05-01")),
        ["2990"] = (0, f => Set(f.Episode(0), "ReasonForClosure", "RC8")),
        ["2991Q"] = (1, f => f.Assessment(1).Remove()),
        ["4000"] = (3, f => Set(f.Episode(3, 1), "ReferralNFA", "1")),
        ["4001"] = (0, f =>
        {
            Set(f.ProtectionPlan(0), "CPPendDate", null);
            Add(f.Episode(0), E("CINPlanDates", E("CINPlanStartDate", "2024-08-30")));
        }
        ),
        ["4003"] = (0, f => Add(f.Episode(0), E("CINPlanDates", E("CINPlanStartDate", "2024-05-14"), E("CINPlanEndDate", "2024-08-29")))),
        ["4004"] = (0, f => Add(f.Episode(0, 1), E("CINPlanDates", E("CINPlanStartDate", "2024-12-01")))),
        ["4008"] = (0, f => Set(f.Ids(0), "PersonDeathDate", "2024-10-01")),
        ["4009Q"] = (0, f =>
        {
            Set(f.Ids(0), "PersonDeathDate", "2024-11-01");
            Set(f.CinPlan(0, 1), "CINPlanEndDate", "2024-12-01");
        }
        ),
        ["4010"] = (0, f => Set(f.CinPlan(0, 1), "CINPlanStartDate", "2025-04-05")),
        ["4011"] = (0, f => Set(f.CinPlan(0, 1), "CINPlanEndDate", "2024-10-01")),
        ["4012Q"] = (0, f => Set(f.CinPlan(0, 1), "CINPlanEndDate", f.CinPlan(0, 1).Element("CINPlanStartDate")!.Value)),
        ["4013"] = (0, f => Set(f.CinPlan(0, 1), "CINPlanEndDate", "2025-04-10")),
        ["4014"] = (0, f =>
        {
            Set(f.CinPlan(0, 1), "CINPlanEndDate", "2024-12-31");
            Add(f.Episode(0, 1), E("CINPlanDates", E("CINPlanStartDate", "2024-11-01"), E("CINPlanEndDate", "2025-01-31")));
        }
        ),
        ["4015"] = (0, f => Set(f.CinPlan(0, 1), "CINPlanStartDate", "2024-09-01")),
        ["4016"] = (0, f => Add(f.Episode(0), E("CINPlanDates", E("CINPlanStartDate", "2024-06-01"), E("CINPlanEndDate", "2024-07-01")))),
        ["4017"] = (0, f => Add(f.Episode(0, 1), E(
            "ChildProtectionPlans", E("CPPstartDate", "2024-11-01"), E("InitialCategoryOfAbuse", "NEG"), E("LatestCategoryOfAbuse", "NEG"), E("NumberOfPreviousCPP", "1")))),
        ["4180"] = (1, f => Set(f.Ids(1), "Sex", "X")),
        ["4220"] = (1, f => Set(f.Characteristics(1), "Ethnicity", "XXXX")),
        ["8500"] = (ReturnLevel, f => Set(f.Ids(1), "LAchildID", "")),
        ["8510"] = (1, f => Set(f.Ids(1), "LAchildID", f.ChildId(0))),
        ["8520"] = (1, f => Set(f.Ids(1), "PersonBirthDate", "2025-04-02")),
        ["8525Q"] = (1, f => Set(f.Ids(1), "ExpectedPersonBirthDate", "2025-05-01")),
        ["8530Q"] = (1, f =>
        {
            Set(f.Ids(1), "PersonBirthDate", null);
            Set(f.Ids(1), "ExpectedPersonBirthDate", "2026-01-05");
            Set(f.Ids(1), "Sex", "U");
        }
        ),
        ["8535Q"] = (1, f => Set(f.Ids(1), "PersonDeathDate", "2000-01-01")),
        ["8540"] = (1, f => Set(f.Characteristics(1).Element("Disabilities")!, "Disability", "XYZ")),
        ["8545Q"] = (1, f => Set(f.Ids(1), "PersonDeathDate", "2024-03-01")),
        ["8555Q"] = (1, f => Set(f.Ids(1), "PersonDeathDate", "2024-05-01")),
        ["8565"] = (1, f => Set(f.Episode(1), "CINclosureDate", "2024-05-20")),
        ["8568"] = (1, f => Set(f.Episode(1), "ReferralNFA", "maybe")),
        ["8569Q"] = (1, f =>
        {
            Set(f.Episode(1), "ReferralNFA", "1");
            Set(f.Episode(1), "CINreferralDate", "2024-03-27");
        }
        ),
        ["8585Q"] = (1, f => Set(f.Episode(1), "ReasonForClosure", "RC2")),
        ["8590"] = (1, f => f.Child(1).Elements("CINdetails").Remove()),
        ["8600"] = (1, f => Set(f.Episode(1), "CINreferralDate", "2025-04-10")),
        ["8606"] = (1, f => Set(f.Ids(1), "PersonBirthDate", "2025-03-01")),
        ["8608"] = (1, f => Set(f.Assessment(1), "AssessmentActualStartDate", "2024-06-01")),
        ["8610"] = (1, f => Set(f.Episode(1), "PrimaryNeedCode", null)),
        ["8614"] = (1, f => Set(f.Assessment(1), "AssessmentAuthorisationDate", null)),
        ["8615"] = (1, f => Set(f.Section47(1), "S47ActualStartDate", "2024-05-20")),
        ["8620"] = (1, f => Set(f.Episode(1), "CINclosureDate", "2025-04-05")),
        ["8630"] = (1, f => Set(f.Episode(1), "CINclosureDate", "2024-04-20")),
        ["8640"] = (1, f => Set(f.Episode(1), "ReasonForClosure", "RC99")),
        ["8650"] = (1, f => Set(f.Episode(1), "PrimaryNeedCode", "N11")),
        ["8670Q"] = (1, f => OpenAssessment(f, 1, "2024-05-03")),
        ["8675Q"] = (1, f => OpenEnquiry(f, 1, "2024-05-04")),
        ["8696"] = (1, f => Set(f.Assessment(1), "AssessmentAuthorisationDate", "2025-04-02")),
        ["8715"] = (1, f => Set(f.Episode(1), "DateOfInitialCPC", "2025-04-07")),
        ["8720"] = (0, f => Set(f.ProtectionPlan(0), "CPPstartDate", "2025-04-07")),
        ["8730"] = (0, f => Set(f.ProtectionPlan(0), "NumberOfPreviousCPP", "")),
        ["8736"] = (1, f =>
        {
            Set(f.Episode(1), "CINreferralDate", "2024-03-01");
            OpenAssessment(f, 1, "2024-03-20");
        }
        ),
        ["8740"] = (1, f =>
        {
            Set(f.Episode(1), "CINreferralDate", "2024-03-01");
            OpenEnquiry(f, 1, "2024-03-20");
        }
        ),
        ["8750"] = (1, f =>
        {
            Set(f.Ids(1), "PersonBirthDate", null);
            Set(f.Ids(1), "ExpectedPersonBirthDate", "2025-05-01");
        }
        ),
        ["8770Q"] = (1, f => Set(f.Ids(1), "UPN", null)),
        ["8772"] = (1, f => Set(f.Ids(1), "UPNunknown", "UN7")),
        ["8775Q"] = (1, f => Set(f.Ids(1), "PersonBirthDate", "1990-01-01")),
        ["8790"] = (0, f => f.Characteristics(0).Element("Disabilities")!.Add(E("Disability", "NONE"))),
        ["8794"] = (0, f => f.Characteristics(0).Element("Disabilities")!.Add(E("Disability", "MOB"))),
        ["8805"] = (1, f => Set(f.Episode(1), "ReasonForClosure", null)),
        ["8810"] = (1, f => Set(f.Episode(1), "CINclosureDate", null)),
        ["8815"] = (0, f => Reopen(f.Episode(0))),
        ["8816"] = (3, f => Reopen(f.Episode(3))),
        ["8820"] = (3, f => Set(f.Episode(3, 1), "CINreferralDate", "2024-06-10")),
        ["8825Q"] = (1, f =>
        {
            Set(f.Episode(1), "ReasonForClosure", "RC8");
            f.Assessment(1).Remove();
        }
        ),
        ["8831"] = (1, f => Set(f.Episode(1), "ReferralNFA", "1")),
        ["8832"] = (0, f => Set(f.Episode(0), "ReferralNFA", "true")),
        ["8839"] = (1, f =>
        {
            Set(f.Section47(1), "DateOfInitialCPC", null);
            Add(f.Episode(1), E("Section47", E("S47ActualStartDate", "2024-06-03"), E("ICPCnotRequired", "false")));
        }
        ),
        ["8840"] = (0, f => Set(f.ProtectionPlan(0), "CPPendDate", "2024-05-13")),
        ["8841"] = (0, f => f.ProtectionPlan(0).Element("Reviews")!.Element("CPPreviewDate")!.Value = "2024-05-13"),
        ["8842Q"] = (0, f => f.ProtectionPlan(0).Element("Reviews")!.Element("CPPreviewDate")!.Value = ""),
        ["8863Q"] = (1, f => Add(f.Episode(1), E("Assessments", E("AssessmentActualStartDate", "2024-05-10"), E("AssessmentAuthorisationDate", "2024-05-20"), Factors("3A")))),
        ["8866"] = (1, f => Set(f.Episode(1), "ReferralSource", "ZZ")),
        ["8867"] = (1, f =>
        {
            Set(f.Assessment(1), "AssessmentAuthorisationDate", null);
            Set(f.Assessment(1), "FactorsIdentifiedAtAssessment", null);
        }
        ),
        ["8868"] = (1, f => Set(f.Section47(1), "DateOfInitialCPC", null)),
        ["8869"] = (1, f => f.Assessment(1).Element("FactorsIdentifiedAtAssessment")!.Add(E("AssessmentFactors", "21"))),
        ["8870Q"] = (1, f => Set(f.Section47(1), "InitialCPCtarget", "2024-05-11")),
        ["8873Q"] = (1, f => f.Assessment(1).Element("FactorsIdentifiedAtAssessment")!.ReplaceNodes(E("AssessmentFactors", "21"))),
        ["8875"] = (1, f => Set(f.Section47(1), "DateOfInitialCPC", "2024-05-11")),
        ["8890"] = (1, f => Add(f.Episode(1), E("Section47", E("S47ActualStartDate", "2024-05-06"), E("DateOfInitialCPC", "2024-05-13"), E("ICPCnotRequired", "0")))),
        ["8896"] = (1, f =>
        {
            Reopen(f.Episode(1));
            OpenAssessment(f, 1, "2025-03-03");
            Add(f.Episode(1), E("Assessments", E("AssessmentActualStartDate", "2025-03-10")));
        }
        ),
        ["8897Q"] = (1, f => Set(f.Assessment(1), "FactorsIdentifiedAtAssessment", null)),
        ["8898"] = (1, f => f.Assessment(1).Element("FactorsIdentifiedAtAssessment")!.Add(E("AssessmentFactors", "3A"))),
        ["8905"] = (0, f => Set(f.ProtectionPlan(0), "InitialCategoryOfAbuse", "ZZZ")),
        ["8910"] = (0, f => Set(f.ProtectionPlan(0), "LatestCategoryOfAbuse", "ZZZ")),
        ["8915"] = (0, f => Set(f.Ids(0), "PersonDeathDate", "2024-05-10")),
        ["8920"] = (0, f => Set(f.Ids(0), "PersonDeathDate", "2024-08-20")),
        ["8925"] = (0, f => Set(f.ProtectionPlan(0), "CPPendDate", "2024-05-01")),
        ["8930"] = (0, f => Set(f.ProtectionPlan(0), "CPPendDate", "2025-04-10")),
        ["8935"] = (0, f =>
        {
            Set(f.ProtectionPlan(0), "CPPendDate", null);
            Add(f.Episode(0, 1), E(
                "ChildProtectionPlans", E("CPPstartDate", "2024-09-20"), E("InitialCategoryOfAbuse", "NEG"), E("LatestCategoryOfAbuse", "NEG"), E("NumberOfPreviousCPP", "1")));
        }
        ),
        ["8940"] = (0, f => Add(f.Episode(0), E(
            "ChildProtectionPlans", E("CPPstartDate", "2024-06-03"), E("CPPendDate", "2024-07-01"), E("InitialCategoryOfAbuse", "NEG"), E("LatestCategoryOfAbuse", "NEG"), E("NumberOfPreviousCPP", "1")))),
        ["8945Q"] = (1, f => f.Assessment(1).Element("FactorsIdentifiedAtAssessment")!.Add(E("AssessmentFactors", "18A"))),
        ["8950Q"] = (1, f => f.Assessment(1).Element("FactorsIdentifiedAtAssessment")!.Add(E("AssessmentFactors", "19A"))),
    };

    // Near misses: the change closest to breaking the rule that must not break it.
    private static readonly Dictionary<string, Action<CinFixture>> NearMisses = new()
    {
        ["1103"] = f => Set(f.Assessment(1), "AssessmentActualStartDate", "2024-05-02"),
        ["1520"] = f => Set(f.Ids(1), "UPN", CinCensusGenerator.Upn(1000)),
        ["1570"] = f => Set(f.Ids(1), "LAchildID", "C1234567890123456789"),
        ["2886Q"] = f => Set(f.Ids(1), "Sex", "U"),
        ["4012Q"] = f => Set(f.CinPlan(0, 1), "CINPlanEndDate", "2024-10-14"),
        ["4016"] = f => Add(f.Episode(0, 1), E("CINPlanDates", E("CINPlanStartDate", "2024-08-29"), E("CINPlanEndDate", "2024-09-01"))),
        ["8530Q"] = f =>
        {
            Set(f.Ids(1), "PersonBirthDate", null);
            Set(f.Ids(1), "ExpectedPersonBirthDate", "2025-12-31");
            Set(f.Ids(1), "Sex", "U");
        },
        ["8569Q"] = f =>
        {
            Set(f.Episode(1), "ReferralNFA", "1");
            Set(f.Episode(1), "CINreferralDate", "2024-03-28");
        },
        ["8606"] = f => Set(f.Ids(1), "PersonBirthDate", "2025-02-06"),
        ["8670Q"] = f => OpenAssessment(f, 1, "2025-01-31"),
        ["8675Q"] = f => OpenEnquiry(f, 1, "2025-03-10"),
        ["8775Q"] = f => Set(f.Ids(1), "PersonBirthDate", "2000-03-31"),
        ["8820"] = f => Set(f.Episode(3, 1), "CINreferralDate", f.Episode(3).Element("CINclosureDate")!.Value),
        ["8875"] = f => Set(f.Section47(1), "DateOfInitialCPC", "2024-05-10"),
    };

    public static TheoryData<string> AllRules() => [.. CinReferenceData.For("2024-25").Rules.Select(r => r.Code)];

    public static TheoryData<string> NearMissRules() => [.. NearMisses.Keys];

    [Fact]
    public void The_2024_25_list_has_109_rules_and_each_has_one_implementation_and_one_test()
    {
        var rules = CinRuleSet.For("2024-25");
        Assert.Equal(109, rules.Codes.Count());
        Assert.Equal(rules.Codes.Order(StringComparer.Ordinal), Breaks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(102, rules.ChildRules.Count);
        Assert.Equal(7, rules.CreateReturnRules().Count);
    }

    [Fact]
    public void The_generated_return_is_valid()
    {
        var (summary, issues) = Valid().Validate();
        Assert.Empty(issues);
        Assert.Equal(10, summary.Children);
    }

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Each_rule_fires_on_a_return_that_breaks_it(string code)
    {
        var fixture = Valid();
        var (child, breakIt) = Breaks[code];
        breakIt(fixture);
        var childId = child == ReturnLevel ? null : fixture.ChildId(child);

        var (_, issues) = fixture.Validate();

        var definition = CinReferenceData.For("2024-25").RulesByCode[code];
        var issue = Assert.Single(issues, i => i.Rule == code);
        Assert.Equal(definition.Severity, issue.Severity);
        Assert.Equal(definition.Message, issue.Message);
        Assert.NotEmpty(issue.Fields);
        if (childId is not null)
        {
            Assert.Equal(childId, issue.ChildId);
            Assert.True(issue.Line > 0, $"Rule {code} gave no line.");
        }
    }

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Each_rule_is_silent_on_the_valid_return(string code)
    {
        var (_, issues) = Valid().Validate();
        Assert.DoesNotContain(issues, i => i.Rule == code);
    }

    [Theory]
    [MemberData(nameof(NearMissRules))]
    public void Each_rule_is_silent_on_a_near_miss(string code)
    {
        var fixture = Valid(code == "2886Q" ? 60 : 10);
        NearMisses[code](fixture);
        var (_, issues) = fixture.Validate();
        Assert.DoesNotContain(issues, i => i.Rule == code);
    }

    [Fact]
    public void Single_child_rules_run_on_the_neutral_model_without_any_file()
    {
        var child = new CinChild { LaChildId = "A1", Sex = "M", Ethnicity = "WBRI", BirthDate = new DateOnly(2015, 1, 1) };
        var episode = new CinEpisode { ReferralDate = new DateOnly(2024, 6, 1), ReferralSource = "1A", ReferralNfa = true };
        episode.Assessments.Add(new CinAssessment { StartDate = new DateOnly(2024, 6, 2) });
        child.Episodes.Add(episode);
        var issues = new List<CinIssue>();
        var rules = CinRuleSet.For("2024-25");
        var context = new CinRuleContext(CinCollection.Parse("2024-25"), new Safeguard.Calendar.WorkingDayCalendar([]), rules.ReferenceData, issues.Add);

        rules.CheckChild(child, context);

        Assert.Contains(issues, i => i.Rule == "8831" && i.ChildId == "A1" && i.Line is null);
        Assert.DoesNotContain(issues, i => i.Rule == "8500");
    }

    private static string Swap(string upn) => (upn[0] == 'A' ? 'B' : 'A') + upn[1..];

    private static XElement Factors(params string[] codes) =>
        E("FactorsIdentifiedAtAssessment", codes.Select(c => E("AssessmentFactors", c)).ToArray<object>());

    private static void Reopen(XElement episode)
    {
        Set(episode, "CINclosureDate", null);
        Set(episode, "ReasonForClosure", null);
    }

    private static void OpenAssessment(CinFixture f, int child, string start)
    {
        Reopen(f.Episode(child));
        Set(f.Assessment(child), "AssessmentActualStartDate", start);
        Set(f.Assessment(child), "AssessmentAuthorisationDate", null);
        Set(f.Assessment(child), "FactorsIdentifiedAtAssessment", null);
    }

    private static void OpenEnquiry(CinFixture f, int child, string start)
    {
        Reopen(f.Episode(child));
        Set(f.Section47(child), "S47ActualStartDate", start);
        Set(f.Section47(child), "InitialCPCtarget", null);
        Set(f.Section47(child), "DateOfInitialCPC", null);
    }
}
