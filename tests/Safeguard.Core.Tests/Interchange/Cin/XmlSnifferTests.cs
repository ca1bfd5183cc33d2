using System.Text;
using Safeguard.Interchange.Cin.Uploads;

namespace Safeguard.Core.Tests.Interchange.Cin;

/// <summary>An upload is XML by its content, not its name.</summary>
public sealed class XmlSnifferTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?><Message/>")]
    [InlineData("\r\n  <Message>")]
    [InlineData("<Message><Header>")]
    public void Xml_in_utf8_with_or_without_a_byte_order_mark_is_xml(string text)
    {
        Assert.True(XmlSniffer.LooksLikeXml(Encoding.UTF8.GetBytes(text)));
        Assert.True(XmlSniffer.LooksLikeXml([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));
    }

    [Fact]
    public void Xml_in_utf16_either_way_round_with_or_without_a_mark_is_xml()
    {
        Assert.True(XmlSniffer.LooksLikeXml([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?>")]));
        Assert.True(XmlSniffer.LooksLikeXml(Encoding.Unicode.GetBytes("<Message>")));
        Assert.True(XmlSniffer.LooksLikeXml([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("<Message>")]));
        Assert.True(XmlSniffer.LooksLikeXml(Encoding.BigEndianUnicode.GetBytes("<Message>")));
    }

    [Theory]
    [InlineData("CHILD,SEX,DOB,ETHNIC,UPN\n1,1,01/01/2015,WBRI,A123")]
    [InlineData("%PDF-1.7\n")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"Message\": {}}")]
    public void Text_that_does_not_start_with_a_tag_is_not_xml(string text) =>
        Assert.False(XmlSniffer.LooksLikeXml(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Binary_content_is_not_xml_even_when_it_starts_with_a_tag()
    {
        Assert.False(XmlSniffer.LooksLikeXml([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]));
        Assert.False(XmlSniffer.LooksLikeXml([(byte)'<', (byte)'a', 0x00, 0x01, 0x02]));
    }
}
