using System.Text;
using System.Xml.Linq;
using Safeguard.Calendar;
using Safeguard.Interchange.Cin;

namespace Safeguard.Core.Tests.Interchange.Cin;

/// <summary>
/// Builds small census files for tests: starts from a valid generated return of ten children and lets a test
/// change what it needs, keeping elements in schema order.
/// </summary>
internal sealed class CinFixture
{
    public static readonly CinCollection Collection = CinCollection.Parse("2024-25");

    private static readonly Dictionary<string, string[]> Order = new()
    {
        ["ChildIdentifiers"] = ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate", "Sex", "GenderCurrent", "PersonDeathDate"],
        ["ChildCharacteristics"] = ["Ethnicity", "Disabilities"],
        ["CINdetails"] = ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC", "Assessments", "CINPlanDates", "Section47", "ReferralNFA", "ChildProtectionPlans"],
        ["Assessments"] = ["AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment"],
        ["CINPlanDates"] = ["CINPlanStartDate", "CINPlanEndDate"],
        ["Section47"] = ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
        ["ChildProtectionPlans"] = ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews"],
        ["CollectionDetails"] = ["Collection", "Year", "ReferenceDate"],
    };

    private CinFixture(XDocument document) => Document = document;

    public XDocument Document { get; }

    public static CinFixture Valid(int children = 10) =>
        new(XDocument.Parse(CinCensusGenerator.ToText(children, Collection), LoadOptions.SetLineInfo));

    public XElement Child(int index) => Document.Root!.Element("Children")!.Elements("Child").ElementAt(index);

    public string ChildId(int index) => Ids(index).Element("LAchildID")!.Value;

    public XElement Ids(int index) => Child(index).Element("ChildIdentifiers")!;

    public XElement Characteristics(int index) => Child(index).Element("ChildCharacteristics")!;

    public XElement Episode(int child, int episode = 0) => Child(child).Elements("CINdetails").ElementAt(episode);

    public XElement Assessment(int child, int episode = 0, int index = 0) => Episode(child, episode).Elements("Assessments").ElementAt(index);

    public XElement Section47(int child, int episode = 0, int index = 0) => Episode(child, episode).Elements("Section47").ElementAt(index);

    public XElement ProtectionPlan(int child, int episode = 0, int index = 0) => Episode(child, episode).Elements("ChildProtectionPlans").ElementAt(index);

    public XElement CinPlan(int child, int episode = 0, int index = 0) => Episode(child, episode).Elements("CINPlanDates").ElementAt(index);

    public XElement Header => Document.Root!.Element("Header")!.Element("CollectionDetails")!;

    /// <summary>Sets (or with null removes) a simple element, inserting it in schema order when it is new.</summary>
    public static void Set(XElement parent, string name, string? value)
    {
        var existing = parent.Element(name);
        if (value is null)
        {
            existing?.Remove();
        }
        else if (existing is not null)
        {
            existing.Value = value;
        }
        else
        {
            Add(parent, new XElement(name, value));
        }
    }

    /// <summary>Adds an element after the last one that comes before it in schema order.</summary>
    public static void Add(XElement parent, XElement element)
    {
        var order = Order[parent.Name.LocalName];
        var position = Array.IndexOf(order, element.Name.LocalName);
        var before = parent.Elements().LastOrDefault(e => Array.IndexOf(order, e.Name.LocalName) <= position);
        if (before is null)
        {
            parent.AddFirst(element);
        }
        else
        {
            before.AddAfterSelf(element);
        }
    }

    public static XElement E(string name, params object[] content) => new(name, content);

    public string Xml => Document.Declaration + "\n" + Document.ToString();

    public (CinValidationSummary Summary, List<CinIssue> Issues) Validate(CinCollection? collection = null) => ValidateText(Xml, collection ?? Collection);

    public static (CinValidationSummary Summary, List<CinIssue> Issues) ValidateText(string xml, CinCollection? collection = null)
    {
        var issues = new List<CinIssue>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var summary = new CinValidator(new WorkingDayCalendar([])).Validate(
            stream, "test.xml", new CinReaderOptions { Collection = collection }, issues.Add, cancellationToken: TestContext.Current.CancellationToken);
        return (summary, issues);
    }
}
