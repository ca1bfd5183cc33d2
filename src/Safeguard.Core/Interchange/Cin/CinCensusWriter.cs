using System.Globalization;
using System.Text;
using System.Xml;

namespace Safeguard.Interchange.Cin;

/// <summary>
/// Writes census children (<see cref="CinChild"/>) as a census file, in the element order of the schema the
/// 2024-25 collection uses (CIN_schema_2026.xsd: <c>Sex</c> as M, F or U, yes/no as 0 or 1). Fields that are
/// null are left out; the caller decides what the children hold. Write the header, then each child, then
/// <see cref="Complete"/>: memory stays flat however many children are written.
/// </summary>
public sealed class CinCensusWriter : IDisposable
{
    private readonly XmlWriter _xml;
    private bool _completed;

    /// <summary>Starts the file with its header: the collection, its reference date and the council's code.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="collection">The collection year.</param>
    /// <param name="laCode">The council's three-digit code (LEA).</param>
    /// <param name="createdAt">The time written in the header.</param>
    public CinCensusWriter(Stream stream, CinCollection collection, string laCode, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(laCode);
        if (!IsLaCode(laCode))
        {
            throw new ArgumentException($"'{laCode}' is not a council code: the census needs three digits, for example 201.", nameof(laCode));
        }

        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), CloseOutput = false };
        _xml = XmlWriter.Create(stream, settings);
        _xml.WriteStartDocument();
        _xml.WriteStartElement("Message");
        _xml.WriteStartElement("Header");
        _xml.WriteStartElement("CollectionDetails");
        _xml.WriteElementString("Collection", "CIN");
        _xml.WriteElementString("Year", (collection.StartYear + 1).ToString(CultureInfo.InvariantCulture));
        _xml.WriteElementString("ReferenceDate", Format(collection.ReferenceDate));
        _xml.WriteEndElement();
        _xml.WriteStartElement("Source");
        _xml.WriteElementString("SourceLevel", "L");
        _xml.WriteElementString("LEA", laCode);
        _xml.WriteElementString("SoftwareCode", "Safeguard");
        _xml.WriteElementString("Release", "1");
        _xml.WriteElementString("SerialNo", "001");
        _xml.WriteElementString("DateTime", createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteStartElement("Children");
    }

    /// <summary>True when <paramref name="code"/> is a council code as the census header takes it: three digits.</summary>
    public static bool IsLaCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiDigit);

    /// <summary>Writes one child with its episodes.</summary>
    public void Write(CinChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        ObjectDisposedException.ThrowIf(_completed, this);
        var xml = _xml;
        xml.WriteStartElement("Child");
        xml.WriteStartElement("ChildIdentifiers");
        xml.WriteElementString("LAchildID", child.LaChildId ?? "");
        Optional("UPN", child.Upn);
        Optional("FormerUPN", child.FormerUpn);
        Optional("UPNunknown", child.UpnUnknown);
        Optional("PersonBirthDate", child.BirthDate);
        Optional("ExpectedPersonBirthDate", child.ExpectedBirthDate);
        xml.WriteElementString("Sex", child.Sex ?? "U");
        Optional("PersonDeathDate", child.DeathDate);
        xml.WriteEndElement();

        xml.WriteStartElement("ChildCharacteristics");
        xml.WriteElementString("Ethnicity", child.Ethnicity ?? "NOBT");
        if (child.Disabilities.Count > 0)
        {
            xml.WriteStartElement("Disabilities");
            foreach (var disability in child.Disabilities)
            {
                xml.WriteElementString("Disability", disability);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        foreach (var episode in child.Episodes)
        {
            WriteEpisode(episode);
        }

        xml.WriteEndElement();
    }

    /// <summary>Closes the file.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
    }

    public void Dispose() => _xml.Dispose();

    private void WriteEpisode(CinEpisode episode)
    {
        var xml = _xml;
        xml.WriteStartElement("CINdetails");
        Optional("CINreferralDate", episode.ReferralDate);
        Optional("ReferralSource", episode.ReferralSource);
        Optional("PrimaryNeedCode", episode.PrimaryNeedCode);
        Optional("CINclosureDate", episode.ClosureDate);
        Optional("ReasonForClosure", episode.ReasonForClosure);
        Optional("DateOfInitialCPC", episode.DateOfInitialCpc);
        foreach (var assessment in episode.Assessments)
        {
            xml.WriteStartElement("Assessments");
            Optional("AssessmentActualStartDate", assessment.StartDate);
            Optional("AssessmentInternalReviewDate", assessment.InternalReviewDate);
            Optional("AssessmentAuthorisationDate", assessment.AuthorisationDate);
            if (assessment.Factors.Count > 0)
            {
                xml.WriteStartElement("FactorsIdentifiedAtAssessment");
                foreach (var factor in assessment.Factors)
                {
                    xml.WriteElementString("AssessmentFactors", factor);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var plan in episode.CinPlans)
        {
            xml.WriteStartElement("CINPlanDates");
            Optional("CINPlanStartDate", plan.StartDate);
            Optional("CINPlanEndDate", plan.EndDate);
            xml.WriteEndElement();
        }

        foreach (var enquiry in episode.Section47Enquiries)
        {
            xml.WriteStartElement("Section47");
            Optional("S47ActualStartDate", enquiry.StartDate);
            Optional("InitialCPCtarget", enquiry.InitialCpcTarget);
            Optional("DateOfInitialCPC", enquiry.DateOfInitialCpc);
            xml.WriteElementString("ICPCnotRequired", YesNo(enquiry.IcpcNotRequired ?? false));
            xml.WriteEndElement();
        }

        xml.WriteElementString("ReferralNFA", YesNo(episode.ReferralNfa ?? false));
        foreach (var plan in episode.ProtectionPlans)
        {
            xml.WriteStartElement("ChildProtectionPlans");
            Optional("CPPstartDate", plan.StartDate);
            Optional("CPPendDate", plan.EndDate);
            Optional("InitialCategoryOfAbuse", plan.InitialCategoryOfAbuse);
            Optional("LatestCategoryOfAbuse", plan.LatestCategoryOfAbuse ?? plan.InitialCategoryOfAbuse);
            xml.WriteElementString("NumberOfPreviousCPP", (plan.NumberOfPreviousCpp ?? 0).ToString(CultureInfo.InvariantCulture));
            var reviews = plan.Reviews.Where(r => r.Date is not null).ToList();
            if (reviews.Count > 0)
            {
                xml.WriteStartElement("Reviews");
                foreach (var review in reviews)
                {
                    xml.WriteElementString("CPPreviewDate", Format(review.Date!.Value));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void Optional(string element, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _xml.WriteElementString(element, value);
        }
    }

    private void Optional(string element, DateOnly? value)
    {
        if (value is { } date)
        {
            _xml.WriteElementString(element, Format(date));
        }
    }

    private static string YesNo(bool value) => value ? "1" : "0";

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
