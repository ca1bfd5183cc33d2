using System.Globalization;
using System.Text;
using System.Xml;

namespace Safeguard.Interchange.Cin;

/// <summary>
/// Writes a valid census file of any number of made-up children, the same every time for the same arguments: for
/// tests, demonstrations and the benchmark. Every child passes every rule of the collection; the return as a whole
/// does too once it has ten children or more (it then uses eight disability codes).
/// </summary>
public static class CinCensusGenerator
{
    private static readonly string[] Ethnicities = ["WBRI", "WIRI", "WOTH", "MWBC", "AIND", "APKN", "BCRB", "BAFR", "CHNE", "OOTH"];
    private static readonly string[] Disabilities = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"];
    private static readonly string[] Sources = ["1A", "2A", "3A", "5A", "6", "8"];
    private static readonly string[] Needs = ["N1", "N2", "N3", "N4", "N5", "N6"];

    /// <summary>Writes <paramref name="children"/> children of the <paramref name="collection"/> census to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, int children, CinCollection collection)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentOutOfRangeException.ThrowIfNegative(children);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), CloseOutput = false };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("Message");
        xml.WriteStartElement("Header");
        xml.WriteStartElement("CollectionDetails");
        xml.WriteElementString("Collection", "CIN");
        xml.WriteElementString("Year", (collection.StartYear + 1).ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("ReferenceDate", Format(collection.ReferenceDate));
        xml.WriteEndElement();
        xml.WriteStartElement("Source");
        xml.WriteElementString("SourceLevel", "L");
        xml.WriteElementString("LEA", "201");
        xml.WriteElementString("SoftwareCode", "Safeguard");
        xml.WriteElementString("Release", "1");
        xml.WriteElementString("SerialNo", "001");
        xml.WriteElementString("DateTime", Format(collection.ReferenceDate) + "T09:00:00");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("Children");
        for (var i = 0; i < children; i++)
        {
            WriteChild(xml, i, collection);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The text of a generated census (for small files).</summary>
    public static string ToText(int children, CinCollection collection)
    {
        using var stream = new MemoryStream();
        Write(stream, children, collection);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A valid UPN issued by council 201 for the given serial number.</summary>
    public static string Upn(int serial)
    {
        var body = "201" + (serial % 100_000_000).ToString("D8", CultureInfo.InvariantCulture) + (serial % 10).ToString(CultureInfo.InvariantCulture);
        return People.UniquePupilNumber.ExpectedCheckLetter("?" + body) + body;
    }

    private static void WriteChild(XmlWriter xml, int i, CinCollection collection)
    {
        var start = collection.Start;
        xml.WriteStartElement("Child");
        xml.WriteStartElement("ChildIdentifiers");
        xml.WriteElementString("LAchildID", "C" + i.ToString("D7", CultureInfo.InvariantCulture));
        xml.WriteElementString("UPN", Upn(i));
        xml.WriteElementString("PersonBirthDate", Format(start.AddYears(-15).AddDays(i % 3650)));
        xml.WriteElementString("Sex", i % 2 == 0 ? "F" : "M");
        xml.WriteEndElement();

        xml.WriteStartElement("ChildCharacteristics");
        xml.WriteElementString("Ethnicity", Ethnicities[i % Ethnicities.Length]);
        xml.WriteStartElement("Disabilities");
        if (i % 2 == 0)
        {
            xml.WriteElementString("Disability", Disabilities[i % Disabilities.Length]);
            xml.WriteElementString("Disability", Disabilities[(i + 1) % Disabilities.Length]);
        }
        else
        {
            xml.WriteElementString("Disability", "NONE");
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        // A closed episode: referral, assessment, a section 47 enquiry with its conference, sometimes a protection plan.
        var referral = Weekday(start.AddDays(30 + (i % 60)));
        var conference = Weekday(referral.AddDays(10));
        var closure = referral.AddDays(120);
        var withPlan = i % 4 == 0;
        xml.WriteStartElement("CINdetails");
        xml.WriteElementString("CINreferralDate", Format(referral));
        xml.WriteElementString("ReferralSource", Sources[i % Sources.Length]);
        xml.WriteElementString("PrimaryNeedCode", Needs[i % Needs.Length]);
        xml.WriteElementString("CINclosureDate", Format(closure));
        xml.WriteElementString("ReasonForClosure", "RC7");
        WriteAssessment(xml, referral.AddDays(1), referral.AddDays(25));
        xml.WriteStartElement("Section47");
        xml.WriteElementString("S47ActualStartDate", Format(referral.AddDays(2)));
        xml.WriteElementString("InitialCPCtarget", Format(conference));
        xml.WriteElementString("DateOfInitialCPC", Format(conference));
        xml.WriteElementString("ICPCnotRequired", "0");
        xml.WriteEndElement();
        xml.WriteElementString("ReferralNFA", "0");
        if (withPlan)
        {
            xml.WriteStartElement("ChildProtectionPlans");
            xml.WriteElementString("CPPstartDate", Format(conference));
            xml.WriteElementString("CPPendDate", Format(closure));
            xml.WriteElementString("InitialCategoryOfAbuse", "NEG");
            xml.WriteElementString("LatestCategoryOfAbuse", "EMO");
            xml.WriteElementString("NumberOfPreviousCPP", "0");
            xml.WriteStartElement("Reviews");
            xml.WriteElementString("CPPreviewDate", Format(conference.AddDays(90)));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        // Every third child has a second, open episode with a child in need plan.
        if (i % 3 == 0)
        {
            var second = closure.AddDays(14);
            xml.WriteStartElement("CINdetails");
            xml.WriteElementString("CINreferralDate", Format(second));
            xml.WriteElementString("ReferralSource", "2A");
            xml.WriteElementString("PrimaryNeedCode", "N2");
            WriteAssessment(xml, second.AddDays(1), second.AddDays(30));
            xml.WriteStartElement("CINPlanDates");
            xml.WriteElementString("CINPlanStartDate", Format(second.AddDays(31)));
            xml.WriteEndElement();
            xml.WriteElementString("ReferralNFA", "0");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteAssessment(XmlWriter xml, DateOnly start, DateOnly authorised)
    {
        xml.WriteStartElement("Assessments");
        xml.WriteElementString("AssessmentActualStartDate", Format(start));
        xml.WriteElementString("AssessmentAuthorisationDate", Format(authorised));
        xml.WriteStartElement("FactorsIdentifiedAtAssessment");
        xml.WriteElementString("AssessmentFactors", "3A");
        xml.WriteElementString("AssessmentFactors", "4B");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
