// Generates framework/Conformance.Schema/Keywords/UnicodeProperties.txt: the code points of every ECMA-262 Script,
// Script_Extensions and binary Unicode property (u flag), read from Node's own V8 regex engine, and the names of the
// General_Category values (whose code points the validator takes from .NET). The candidate names below are
// PropertyValueAliases.txt's and ECMA-262's table-binary-unicode-properties; a name Node does not accept is dropped and
// printed, and every alias must match exactly the code points of its property's first name.
// Run: node tests/scripts/unicode-properties.mjs > framework/Conformance.Schema/Keywords/UnicodeProperties.txt
import { argv, stderr, stdout, versions } from 'node:process';

const gc = [
  'C Other', 'Cc Control cntrl', 'Cf Format', 'Cn Unassigned', 'Co Private_Use', 'Cs Surrogate', 'L Letter',
  'LC Cased_Letter', 'Ll Lowercase_Letter', 'Lm Modifier_Letter', 'Lo Other_Letter', 'Lt Titlecase_Letter',
  'Lu Uppercase_Letter', 'M Mark Combining_Mark', 'Mc Spacing_Mark', 'Me Enclosing_Mark', 'Mn Nonspacing_Mark',
  'N Number', 'Nd Decimal_Number digit', 'Nl Letter_Number', 'No Other_Number', 'P Punctuation punct',
  'Pc Connector_Punctuation', 'Pd Dash_Punctuation', 'Pe Close_Punctuation', 'Pf Final_Punctuation',
  'Pi Initial_Punctuation', 'Po Other_Punctuation', 'Ps Open_Punctuation', 'S Symbol', 'Sc Currency_Symbol',
  'Sk Modifier_Symbol', 'Sm Math_Symbol', 'So Other_Symbol', 'Z Separator', 'Zl Line_Separator',
  'Zp Paragraph_Separator', 'Zs Space_Separator',
];

const binary = [
  'ASCII', 'ASCII_Hex_Digit AHex', 'Alphabetic Alpha', 'Any', 'Assigned', 'Bidi_Control Bidi_C', 'Bidi_Mirrored Bidi_M',
  'Case_Ignorable CI', 'Cased', 'Changes_When_Casefolded CWCF', 'Changes_When_Casemapped CWCM',
  'Changes_When_Lowercased CWL', 'Changes_When_NFKC_Casefolded CWKCF', 'Changes_When_Titlecased CWT',
  'Changes_When_Uppercased CWU', 'Dash', 'Default_Ignorable_Code_Point DI', 'Deprecated Dep', 'Diacritic Dia', 'Emoji',
  'Emoji_Component EComp', 'Emoji_Modifier EMod', 'Emoji_Modifier_Base EBase', 'Emoji_Presentation EPres',
  'Extended_Pictographic ExtPict', 'Extender Ext', 'Grapheme_Base Gr_Base', 'Grapheme_Extend Gr_Ext', 'Hex_Digit Hex',
  'IDS_Binary_Operator IDSB', 'IDS_Trinary_Operator IDST', 'ID_Continue IDC', 'ID_Start IDS', 'Ideographic Ideo',
  'Join_Control Join_C', 'Logical_Order_Exception LOE', 'Lowercase Lower', 'Math', 'Noncharacter_Code_Point NChar',
  'Pattern_Syntax Pat_Syn', 'Pattern_White_Space Pat_WS', 'Quotation_Mark QMark', 'Radical', 'Regional_Indicator RI',
  'Sentence_Terminal STerm', 'Soft_Dotted SD', 'Terminal_Punctuation Term', 'Unified_Ideograph UIdeo',
  'Uppercase Upper', 'Variation_Selector VS', 'White_Space space', 'XID_Continue XIDC', 'XID_Start XIDS',
];

const scripts = [
  'Adlam Adlm', 'Caucasian_Albanian Aghb', 'Ahom', 'Arabic Arab', 'Imperial_Aramaic Armi', 'Armenian Armn',
  'Avestan Avst', 'Balinese Bali', 'Bamum Bamu', 'Bassa_Vah Bass', 'Batak Batk', 'Bengali Beng', 'Beria_Erfe Berf',
  'Bhaiksuki Bhks', 'Bopomofo Bopo', 'Brahmi Brah', 'Braille Brai', 'Buginese Bugi', 'Buhid Buhd', 'Chakma Cakm',
  'Canadian_Aboriginal Cans', 'Carian Cari', 'Cham', 'Cherokee Cher', 'Chisoi Chis', 'Chorasmian Chrs',
  'Coptic Copt Qaac', 'Cypro_Minoan Cpmn', 'Cypriot Cprt', 'Cyrillic Cyrl', 'Devanagari Deva', 'Dives_Akuru Diak',
  'Dogra Dogr', 'Deseret Dsrt', 'Duployan Dupl', 'Egyptian_Hieroglyphs Egyp', 'Elbasan Elba', 'Elymaic Elym',
  'Ethiopic Ethi', 'Garay Gara', 'Georgian Geor', 'Glagolitic Glag', 'Gunjala_Gondi Gong', 'Masaram_Gondi Gonm',
  'Gothic Goth', 'Grantha Gran', 'Greek Grek', 'Gujarati Gujr', 'Gurung_Khema Gukh', 'Gurmukhi Guru', 'Hangul Hang',
  'Han Hani', 'Hanunoo Hano', 'Hatran Hatr', 'Hebrew Hebr', 'Hiragana Hira', 'Anatolian_Hieroglyphs Hluw',
  'Pahawh_Hmong Hmng', 'Nyiakeng_Puachue_Hmong Hmnp', 'Katakana_Or_Hiragana Hrkt', 'Old_Hungarian Hung',
  'Old_Italic Ital', 'Javanese Java', 'Kayah_Li Kali', 'Katakana Kana', 'Kawi', 'Kharoshthi Khar', 'Khmer Khmr',
  'Khojki Khoj', 'Khitan_Small_Script Kits', 'Kannada Knda', 'Kirat_Rai Krai', 'Kaithi Kthi', 'Tai_Tham Lana',
  'Lao Laoo', 'Latin Latn', 'Lepcha Lepc', 'Limbu Limb', 'Linear_A Lina', 'Linear_B Linb', 'Lisu', 'Lycian Lyci',
  'Lydian Lydi', 'Mahajani Mahj', 'Makasar Maka', 'Mandaic Mand', 'Manichaean Mani', 'Marchen Marc',
  'Medefaidrin Medf', 'Mende_Kikakui Mend', 'Meroitic_Cursive Merc', 'Meroitic_Hieroglyphs Mero', 'Malayalam Mlym',
  'Modi', 'Mongolian Mong', 'Mro Mroo', 'Meetei_Mayek Mtei', 'Multani Mult', 'Myanmar Mymr', 'Nag_Mundari Nagm',
  'Nandinagari Nand', 'Old_North_Arabian Narb', 'Nabataean Nbat', 'Newa', 'Nko Nkoo', 'Nushu Nshu', 'Ogham Ogam',
  'Ol_Chiki Olck', 'Ol_Onal Onao', 'Old_Turkic Orkh', 'Oriya Orya', 'Osage Osge', 'Osmanya Osma', 'Old_Uyghur Ougr',
  'Palmyrene Palm', 'Pau_Cin_Hau Pauc', 'Old_Permic Perm', 'Phags_Pa Phag', 'Inscriptional_Pahlavi Phli',
  'Psalter_Pahlavi Phlp', 'Phoenician Phnx', 'Miao Plrd', 'Inscriptional_Parthian Prti', 'Rejang Rjng',
  'Hanifi_Rohingya Rohg', 'Runic Runr', 'Samaritan Samr', 'Old_South_Arabian Sarb', 'Saurashtra Saur',
  'SignWriting Sgnw', 'Shavian Shaw', 'Sharada Shrd', 'Siddham Sidd', 'Sidetic Sidt', 'Khudawadi Sind',
  'Sinhala Sinh', 'Sogdian Sogd', 'Old_Sogdian Sogo', 'Sora_Sompeng Sora', 'Soyombo Soyo', 'Sundanese Sund',
  'Sunuwar Sunu', 'Syloti_Nagri Sylo', 'Syriac Syrc', 'Tagbanwa Tagb', 'Takri Takr', 'Tai_Le Tale',
  'New_Tai_Lue Talu', 'Tamil Taml', 'Tangut Tang', 'Tai_Viet Tavt', 'Tai_Yo Tayo', 'Telugu Telu', 'Tifinagh Tfng',
  'Tagalog Tglg', 'Thaana Thaa', 'Thai', 'Tibetan Tibt', 'Tirhuta Tirh', 'Tangsa Tnsa', 'Todhri Todr',
  'Tolong_Siki Tols', 'Toto', 'Tulu_Tigalari Tutg', 'Ugaritic Ugar', 'Vai Vaii', 'Vithkuqi Vith', 'Warang_Citi Wara',
  'Wancho Wcho', 'Old_Persian Xpeo', 'Cuneiform Xsux', 'Yezidi Yezi', 'Yi Yiii', 'Zanabazar_Square Zanb',
  'Inherited Zinh Qaai', 'Common Zyyy', 'Unknown Zzzz',
];

// Every code point as a string: a surrogate code point is a lone surrogate.
const text = Array.from({ length: 0x110000 }, (_, c) => String.fromCodePoint(c));
const dropped = [];

function compile(escape) {
  try {
    return new RegExp(escape, 'u');
  } catch {
    dropped.push(escape);
    return null;
  }
}

// The code points the escape matches, as inclusive ranges.
function ranges(regex) {
  const found = [];
  for (let c = 0; c < text.length; c++) {
    if (!regex.test(text[c])) continue;
    if (found.length > 0 && found[found.length - 1][1] === c - 1) found[found.length - 1][1] = c;
    else found.push([c, c]);
  }
  return found;
}

// Delta-encoded base 36: per range the gap after the previous one's end, then '+' and its length - 1 when above 0.
function encode(found) {
  let previous = -1;
  return found.map(([from, to]) => {
    const token = (from - previous - 1).toString(36) + (to > from ? '+' + (to - from).toString(36) : '');
    previous = to;
    return token;
  }).join(' ');
}

// The names of a group Node accepts and its code points; every alias must give the same ones.
function group(names, escape, scan = true) {
  const accepted = names.split(' ').map(name => [name, compile(escape(name))]).filter(([, regex]) => regex);
  if (accepted.length === 0 || !scan) return accepted.length === 0 ? null : { names: accepted.map(([name]) => name) };
  const first = encode(ranges(accepted[0][1]));
  for (const [name, regex] of accepted.slice(1)) {
    if (encode(ranges(regex)) !== first) throw new Error(`${escape(name)} differs from ${escape(accepted[0][0])}`);
  }
  return { names: accepted.map(([name]) => name), data: first };
}

const lines = [
  '# ECMA-262 Unicode properties (u flag) as V8 reads them; generated by tests/scripts/unicode-properties.mjs, do not edit.',
  '# gc: General_Category values (names only; the code points are .NET\'s). binary/sc/scx: names, then the code points:',
  '# per range, base 36, the gap after the previous range (or from -1) and "+" its length - 1 when above 0. "=" is sc\'s.',
  `unicode ${versions.unicode} node ${versions.node}`,
];
for (const names of gc) {
  const found = group(names, name => `\\p{${name}}`, false);
  if (found) lines.push(`gc ${found.names.join(' ')}`);
}
for (const names of binary) {
  const found = group(names, name => `\\p{${name}}`);
  if (found) lines.push(`binary ${found.names.join(' ')}:${found.data}`);
}
for (const names of scripts) {
  const sc = group(names, name => `\\p{Script=${name}}`);
  if (!sc) continue;
  const scx = group(sc.names.join(' '), name => `\\p{Script_Extensions=${name}}`);
  lines.push(`sc ${sc.names.join(' ')}:${sc.data}`);
  if (scx) lines.push(`scx ${scx.names.join(' ')}:${scx.data === sc.data ? '=' : scx.data}`);
}
stdout.write(lines.join('\n') + '\n');
stderr.write(`Unicode ${versions.unicode} (node ${versions.node}); dropped ${dropped.length}: ${dropped.join(' ') || 'none'}\n`);
