"""Writes works.json, datacite.json and handles.json: the registry stand-in's records.

Metadata follows the real records of well-known works; DOIs under Crossref's test
prefix 10.5555 are fictional records for the cases real ones do not cover cleanly
(an online-first year before the print year, notices from Retraction Watch,
duplicate deposits). Run: python references/crossref/build_records.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def date(*parts: int) -> dict[str, object]:
    return {"date-parts": [list(parts)]}


def person(name: str) -> dict[str, str]:
    # "Given|Family" where the family name has several words ("Jonas|van den Berg").
    given, _, family = name.partition("|") if "|" in name else name.rpartition(" ")
    return {"given": given, "family": family, "sequence": "additional", "affiliation": []}


def work(doi, kind, title, authors, container, *, issued, online=None, printed=None,
         posted=None, updated_by=(), publisher="", volume=None, page=None, orgs=(),
         created=None, issue=None, issue_printed=None, subtitle=None):
    people = [person(a) for a in authors] + [{"name": o, "sequence": "first", "affiliation": []} for o in orgs]
    if people:
        people[0]["sequence"] = "first"
    item = {
        "DOI": doi,
        "type": kind,
        "title": [title],
        "author": people,
        "container-title": [container] if container else [],
        "publisher": publisher,
        "issued": date(*issued),
        "published": date(*(online or printed or issued)),
        "prefix": doi.split("/")[0],
        "member": "297",
        "source": "Crossref",
        "URL": f"https://doi.org/{doi}",
    }
    if online:
        item["published-online"] = date(*online)
    if printed:
        item["published-print"] = date(*printed)
    if posted:
        item["posted"] = date(*posted)
        item["institution"] = [{"name": container}]
        item["container-title"] = []
        item["subtype"] = "preprint"
    if volume:
        item["volume"] = volume
    if created:
        item["created"] = {**date(*created), "date-time": "%04d-%02d-%02dT10:00:00Z" % created, "timestamp": 0}
    if issue:
        item["issue"] = issue
        item["journal-issue"] = {"issue": issue}
        if issue_printed:
            item["journal-issue"]["published-print"] = date(*issue_printed)
    if subtitle:
        item["subtitle"] = [subtitle]
    if page:
        item["page"] = page
    if updated_by:
        item["updated-by"] = [
            {
                "updated": {"date-parts": [list(u[3])], "date-time": "%04d-%02d-%02dT00:00:00Z" % u[3], "timestamp": 0},
                "DOI": u[0],
                "type": u[1],
                "source": u[2],
                "label": u[1].replace("_", " ").title(),
                **({"record-id": 12345} if u[2] == "retraction-watch" else {}),
            }
            for u in updated_by
        ]
    return item


# Fictional records for the registry rules' labelled set (labelled.json, "rules"): each
# isolates a dating pattern, an author list or a title form that real slips involve.
RECONCILIATION_WORKS = [
    # Online-first in December, printed in January: both years are the work's.
    work("10.5555/ecol.2013.1187", "journal-article", "Seed dispersal by frugivorous bats across a fragmented tropical landscape", ["Lucía Herrera", "Tomasz Wójcik", "Aiyana Begay"], "Journal of Tropical Ecology", issued=(2013, 12, 9), online=(2013, 12, 9), printed=(2014, 1), volume="30", issue="1", page="1-14", created=(2013, 12, 9)),
    # Print only.
    work("10.5555/hist.2014.22", "journal-article", "Grain prices and parish relief in the Lincolnshire fens, 1795-1834", ["Margaret Ashdown"], "Agricultural History Review", issued=(2014,), printed=(2014,), volume="62", issue="2", page="201-226", created=(2014, 11, 3)),
    # Online only, in a volume (a continuous-publication journal): no print year to come.
    work("10.5555/plosone.2016.0158", "journal-article", "Urban noise shifts the dawn chorus of European robins", ["Henrik Lindqvist", "Ewa Nowakowska"], "PLOS ONE", issued=(2016, 8, 3), online=(2016, 8, 3), volume="11", issue="8", page="e0158231", created=(2016, 8, 3)),
    # Online in November, in no issue yet: next year's print is still to come.
    work("10.5555/inpress.2023.0091", "journal-article", "Microplastic ingestion by juvenile sea turtles in the western Mediterranean", ["Giulia Bianchi", "Joan Puig"], "Marine Pollution Bulletin", issued=(2023, 11, 20), online=(2023, 11, 20), created=(2023, 11, 21)),
    # A preprint posted on 30 December, deposited on 2 January.
    work("10.5555/preprint.2019.1230", "posted-content", "Transformer language models for protein secondary structure prediction", ["Arjun Mehta", "Sofia Rossi"], "bioRxiv", issued=(2019, 12, 30), posted=(2019, 12, 30), created=(2020, 1, 2)),
    # The issue's print date is in the record, the article's is not.
    work("10.5555/issueprint.2010.44", "journal-article", "Trace metal accumulation in estuarine oysters after dredging", ["Van Minh|Nguyen", "Claire Dubois"], "Estuarine Research Letters", issued=(2010, 12, 15), online=(2010, 12, 15), volume="44", issue="1", issue_printed=(2011, 1), created=(2010, 12, 16)),
    # A 1958 article deposited in 2006: the deposit year is not a year of the work.
    work("10.5555/old.1958.313", "journal-article", "On the sampling distribution of extreme river flows", ["Harold P. Whitcombe"], "Quarterly Journal of Hydrology", issued=(1958, 6), printed=(1958, 6), volume="4", page="313-329", created=(2006, 4, 11)),
    # A book chapter online the year before its print volume.
    work("10.5555/lncs.2021.17", "book-chapter", "Certified robustness of graph neural networks to edge perturbations", ["Hiroshi Tanaka", "Elena Kowalczyk"], "Lecture Notes in Computer Science", issued=(2021, 12, 18), online=(2021, 12, 18), printed=(2022,), page="211-228"),
    # Author lists: particles, compounds, accents, another script, a name in
    # family-given order, many authors.
    work("10.5555/authors.2020.5", "journal-article", "Nitrogen deposition alters mycorrhizal networks in boreal forests", ["Jonas|van den Berg", "María José|Fernández-López", "Søren|Kjærgaard", "Ольга|Смирнова", "Wei Zhang"], "New Phytologist", issued=(2020, 3, 2), online=(2020, 3, 2), printed=(2020, 5), volume="226", issue="4", page="1011-1024"),
    work("10.5555/smith.2017.302", "journal-article", "Sleep deprivation impairs working memory consolidation in adolescents", ["John Smith", "Laura Chen", "Ravi Patel"], "Journal of Sleep Research", issued=(2017, 3, 14), online=(2017, 3, 14), printed=(2017, 6), volume="26", issue="3", page="302-311"),
    work("10.5555/consortium.2019.8", "journal-article", "Genome-wide association study of chronotype in 697,828 individuals", ["Samuel E. Jones", "Jacqueline M. Lane", "Andrew R. Wood", "Vincent T.|van Hees", "Jessica|Tyrrell", "Robin N.|Beaumont", "Aaron R.|Jeffries", "Hassan S.|Dashti", "Melvyn|Hillsdon", "Katherine S.|Ruth"], "Nature Communications", issued=(2019, 1, 29), online=(2019, 1, 29), volume="10", issue="1", page="343"),
    work("10.5555/translit.2018.77", "journal-article", "Permafrost carbon release in the Yamal peninsula under Arctic amplification", ["Dmitry|Chaykovskiy", "Natalia|Kuznetsova", "Jürgen|Schäfer"], "Permafrost and Periglacial Processes", issued=(2018, 9, 5), online=(2018, 9, 5), printed=(2018, 10), volume="29", issue="4", page="77-90"),
    work("10.5555/lee.2022.41", "journal-article", "Social media use and loneliness in older adults: a longitudinal cohort study", ["Min-jun Lee", "Katarzyna Nowak", "Peter O'Brien", "Amélie Rousseau"], "Ageing and Society", issued=(2022, 2, 11), online=(2022, 2, 11), printed=(2022, 9), volume="42", issue="9", page="2041-2062"),
    # Titles: markup, a subtitle field, spelling, Greek letters.
    work("10.5555/mathml.2015.3", "journal-article", "Measurement of the <mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><mml:msubsup><mml:mi>B</mml:mi><mml:mi>s</mml:mi><mml:mn>0</mml:mn></mml:msubsup></mml:math> lifetime in hadronic decays", ["Paolo Ferraro", "Anja Köhler"], "Physical Review D", issued=(2015, 4, 6), online=(2015, 4, 6), printed=(2015, 4), volume="91", issue="7"),
    work("10.5555/italic.2012.9", "journal-article", "Antifungal resistance in <i>Candida auris</i> isolates from intensive care units", ["Rachel Adeyemi", "Kwame Mensah"], "Journal of Hospital Infection", issued=(2012, 9), printed=(2012, 9), volume="82", issue="1", page="9-17"),
    work("10.5555/subtitle.2018.66", "journal-article", "Who pays for the commons?", ["Fiona MacLeod"], "Ecological Economics", issued=(2018, 5), printed=(2018, 5), volume="147", page="66-78", subtitle="Fisheries management and the distribution of quota rents in Scotland"),
    work("10.5555/greek.2019.12", "journal-article", "α-Synuclein aggregation and behavioural deficits in a rat model of Parkinson's disease", ["Chiara Conti", "Mark Evans"], "Neurobiology of Disease", issued=(2019, 2), printed=(2019, 2), volume="122", page="12-24"),
    work("10.5555/title.2016.88", "journal-article", "Hypertension and cognitive decline in a rural cohort over twenty years", ["Olumide Bankole", "Helen Grant"], "Journal of Hypertension", issued=(2016, 1), printed=(2016, 1), volume="34", issue="1", page="88-97"),
    work("10.5555/amp.2020.14", "journal-article", "Roads &amp; rivers: CO<sub>2</sub> emissions from freight transport in the Danube basin", ["Andrei Popescu", "Mihaela Ionescu"], "Transportation Research Part D: Transport and Environment", issued=(2020, 7), printed=(2020, 7), volume="84", page="102-117"),
    work("10.5555/uk.2011.40", "journal-article", "Modelling tumour growth in paediatric oncology: a programme of research", ["Fiona Gallagher", "Owen Price"], "British Journal of Cancer", issued=(2011, 4, 12), online=(2011, 4, 12), printed=(2011, 5), volume="104", issue="10", page="40-52"),
    work("10.5555/short.2021.3", "proceedings-article", "Edge caching for low-latency video streaming in 5G networks", ["Yu Lin", "Jae Oh", "Bo Li"], "Proceedings of the IEEE International Conference on Communications", issued=(2021, 6), printed=(2021, 6)),
    # Notices for the labelled set.
    work("10.5555/retracted.2018.5", "journal-article", "Fabricated gains: a placebo-controlled trial of curcumin in knee osteoarthritis", ["Victor Lang", "Ines Moreau"], "Clinical Rheumatology Reports", issued=(2018, 5), printed=(2018, 5), updated_by=[("10.5555/retracted.2018.5.r", "retraction", "publisher", (2020, 7, 1))]),
    work("10.5555/retracted.2021.9", "journal-article", "Ivermectin shortens recovery in mild respiratory infection: a multicentre trial", ["Omar Haddad", "Lina Saleh"], "Journal of Antimicrobial Therapy", issued=(2021, 2), printed=(2021, 2), updated_by=[("10.5555/retracted.2021.9.r", "retraction", "retraction-watch", (2022, 3, 4))]),
    work("10.5555/corrected.2017.3", "journal-article", "Groundwater recharge estimates for the Kalahari from chloride mass balance", ["Thabo Molefe"], "Hydrogeology Journal", issued=(2017, 3), printed=(2017, 3), updated_by=[("10.5555/corrected.2017.3.c", "correction", "publisher", (2017, 9, 1))]),
]

WORKS = [
    work("10.1038/nature14539", "journal-article", "Deep learning", ["Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"], "Nature", issued=(2015, 5, 27), online=(2015, 5, 27), printed=(2015, 5, 28), publisher="Springer Science and Business Media LLC", volume="521", page="436-444"),
    work("10.1038/s41586-020-2649-2", "journal-article", "Array programming with NumPy", ["Charles R. Harris", "K. Jarrod Millman", "Stéfan J. van der Walt", "Ralf Gommers"], "Nature", issued=(2020, 9, 16), online=(2020, 9, 16), printed=(2020, 9, 17), volume="585", page="357-362"),
    work("10.1038/s41592-019-0686-2", "journal-article", "SciPy 1.0: fundamental algorithms for scientific computing in Python", ["Pauli Virtanen", "Ralf Gommers", "Travis E. Oliphant"], "Nature Methods", issued=(2020, 2, 3), online=(2020, 2, 3), printed=(2020, 3), volume="17", page="261-272", updated_by=[("10.1038/s41592-020-0772-5", "correction", "publisher", (2020, 2, 24))]),
    work("10.1109/cvpr.2016.90", "proceedings-article", "Deep Residual Learning for Image Recognition", ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"], "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)", issued=(2016, 6), printed=(2016, 6)),
    work("10.1162/neco.1997.9.8.1735", "journal-article", "Long Short-Term Memory", ["Sepp Hochreiter", "Jürgen Schmidhuber"], "Neural Computation", issued=(1997, 11, 1), printed=(1997, 11, 1), volume="9", page="1735-1780"),
    work("10.1038/nature16961", "journal-article", "Mastering the game of Go with deep neural networks and tree search", ["David Silver", "Aja Huang", "Chris J. Maddison"], "Nature", issued=(2016, 1, 27), online=(2016, 1, 27), printed=(2016, 1, 28), volume="529", page="484-489"),
    work("10.1126/science.1127647", "journal-article", "Reducing the Dimensionality of Data with Neural Networks", ["G. E. Hinton", "R. R. Salakhutdinov"], "Science", issued=(2006, 7, 28), printed=(2006, 7, 28), volume="313", page="504-507"),
    work("10.1093/bioinformatics/btp324", "journal-article", "Fast and accurate short read alignment with Burrows-Wheeler transform", ["Heng Li", "Richard Durbin"], "Bioinformatics", issued=(2009, 5, 18), online=(2009, 5, 18), printed=(2009, 7, 15), volume="25", page="1754-1760"),
    work("10.1186/s13059-014-0550-8", "journal-article", "Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2", ["Michael I. Love", "Wolfgang Huber", "Simon Anders"], "Genome Biology", issued=(2014, 12), online=(2014, 12, 5), printed=(2014, 12), volume="15"),
    work("10.1016/s0140-6736(97)11096-0", "journal-article", "RETRACTED: Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children", ["A.J. Wakefield", "S.H. Murch", "A. Anthony"], "The Lancet", issued=(1998, 2), printed=(1998, 2), volume="351", page="637-641", updated_by=[("10.1016/s0140-6736(10)60175-4", "retraction", "publisher", (2010, 2, 6)), ("10.1016/s0140-6736(10)60175-4", "retraction", "retraction-watch", (2010, 2, 6))]),
    work("10.1038/s41586-020-2286-9", "journal-article", "A SARS-CoV-2 protein interaction map reveals targets for drug repurposing", ["David E. Gordon", "Gwendolyn M. Jang", "Mehdi Bouhaddou"], "Nature", issued=(2020, 4, 30), online=(2020, 4, 30), printed=(2020, 7, 16), volume="583", page="459-468"),
    work("10.1101/2020.03.22.002386", "posted-content", "A SARS-CoV-2-Human Protein-Protein Interaction Map Reveals Drug Targets and Potential Drug-Repurposing", ["David E. Gordon", "Gwendolyn M. Jang", "Mehdi Bouhaddou"], "bioRxiv", issued=(2020, 3, 22), posted=(2020, 3, 22)),
    work("10.1007/978-3-319-24574-4_28", "book-chapter", "U-Net: Convolutional Networks for Biomedical Image Segmentation", ["Olaf Ronneberger", "Philipp Fischer", "Thomas Brox"], "Lecture Notes in Computer Science", issued=(2015,), online=(2015, 11, 18), printed=(2015,), page="234-241"),
    work("10.1371/journal.pmed.0020124", "journal-article", "Why Most Published Research Findings Are False", ["John P. A. Ioannidis"], "PLoS Medicine", issued=(2005, 8, 30), online=(2005, 8, 30), volume="2", page="e124"),
    work("10.1126/science.aac4716", "journal-article", "Estimating the reproducibility of psychological science", [], "Science", issued=(2015, 8, 28), printed=(2015, 8, 28), volume="349", orgs=["Open Science Collaboration"]),
    work("10.1037/0022-3514.54.6.1063", "journal-article", "Development and validation of brief measures of positive and negative affect: The PANAS scales.", ["David Watson", "Lee Anna Clark", "Auke Tellegen"], "Journal of Personality and Social Psychology", issued=(1988,), printed=(1988,), volume="54", page="1063-1070"),
    work("10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0", "journal-article", "Metatheorizing citation", ["Blaise Cronin"], "Journal of the American Society for Information Science", issued=(1998,), printed=(1998,), volume="49", page="693-699"),
    work("10.1145/3422622", "journal-article", "Generative adversarial networks", ["Ian Goodfellow", "Jean Pouget-Abadie", "Mehdi Mirza"], "Communications of the ACM", issued=(2020, 10, 22), online=(2020, 10, 22), volume="63", page="139-144"),
    work("10.1038/nature14236", "journal-article", "Human-level control through deep reinforcement learning", ["Volodymyr Mnih", "Koray Kavukcuoglu", "David Silver"], "Nature", issued=(2015, 2, 25), online=(2015, 2, 25), printed=(2015, 2, 26), volume="518", page="529-533"),
    work("10.1145/2939672.2939785", "proceedings-article", "XGBoost: A Scalable Tree Boosting System", ["Tianqi Chen", "Carlos Guestrin"], "Proceedings of the 22nd ACM SIGKDD International Conference on Knowledge Discovery and Data Mining", issued=(2016, 8, 13), printed=(2016, 8, 13)),
    work("10.1613/jair.953", "journal-article", "SMOTE: Synthetic Minority Over-sampling Technique", ["N. V. Chawla", "K. W. Bowyer", "L. O. Hall", "W. P. Kegelmeyer"], "Journal of Artificial Intelligence Research", issued=(2002, 6, 1), printed=(2002, 6, 1), volume="16", page="321-357"),
    work("10.1023/a:1010933404324", "journal-article", "Random Forests", ["Leo Breiman"], "Machine Learning", issued=(2001,), printed=(2001,), volume="45", page="5-32"),
    work("10.1109/5.726791", "journal-article", "Gradient-based learning applied to document recognition", ["Y. Lecun", "L. Bottou", "Y. Bengio", "P. Haffner"], "Proceedings of the IEEE", issued=(1998,), printed=(1998,), volume="86", page="2278-2324"),
    work("10.3115/v1/d14-1162", "proceedings-article", "Glove: Global Vectors for Word Representation", ["Jeffrey Pennington", "Richard Socher", "Christopher Manning"], "Proceedings of the 2014 Conference on Empirical Methods in Natural Language Processing (EMNLP)", issued=(2014,), printed=(2014,)),
    work("10.18653/v1/n19-1423", "proceedings-article", "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", ["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"], "Proceedings of the 2019 Conference of the North", issued=(2019,), printed=(2019,)),
    work("10.1007/bf00994018", "journal-article", "Support-vector networks", ["Corinna Cortes", "Vladimir Vapnik"], "Machine Learning", issued=(1995, 9), printed=(1995, 9), volume="20", page="273-297"),
    work("10.1214/aos/1013203451", "journal-article", "Greedy function approximation: A gradient boosting machine.", ["Jerome H. Friedman"], "The Annals of Statistics", issued=(2001, 10, 1), printed=(2001, 10, 1), volume="29"),
    work("10.1111/j.2517-6161.1995.tb02031.x", "journal-article", "Controlling the False Discovery Rate: A Practical and Powerful Approach to Multiple Testing", ["Yoav Benjamini", "Yosef Hochberg"], "Journal of the Royal Statistical Society Series B: Statistical Methodology", issued=(1995, 1, 1), printed=(1995, 1, 1), volume="57", page="289-300"),
    work("10.1080/01621459.1958.10501452", "journal-article", "Nonparametric Estimation from Incomplete Observations", ["E. L. Kaplan", "Paul Meier"], "Journal of the American Statistical Association", issued=(1958, 6), printed=(1958, 6), volume="53", page="457-481"),
    work("10.1111/j.2517-6161.1972.tb00899.x", "journal-article", "Regression Models and Life-Tables", ["D. R. Cox"], "Journal of the Royal Statistical Society Series B: Statistical Methodology", issued=(1972, 1, 1), printed=(1972, 1, 1), volume="34", page="187-202"),
    work("10.1093/nar/25.17.3389", "journal-article", "Gapped BLAST and PSI-BLAST: a new generation of protein database search programs", ["Stephen F. Altschul", "Thomas L. Madden", "Alejandro A. Schäffer"], "Nucleic Acids Research", issued=(1997, 9, 1), printed=(1997, 9, 1), volume="25", page="3389-3402"),
    work("10.7551/mitpress/11474.003.0014", "book-chapter", "Backpropagation through time", ["Paul J. Werbos"], "Neural Networks for Control", issued=(1990,), printed=(1990,)),
    # Fictional records under Crossref's test prefix, for cases real ones do not isolate.
    work("10.5555/jesp.2018.0412", "journal-article", "Priming effects on moral judgement do not replicate across twelve laboratories", ["Hanna Brückner", "Tomás Ortega", "Mei Lin"], "Journal of Experimental Social Psychology", issued=(2018, 11, 20), online=(2018, 11, 20), printed=(2019, 3), volume="81", page="101-115"),
    work("10.5555/onlineonly.2021.7", "journal-article", "Soil microbial respiration under repeated drought pulses", ["Ana Souza", "Jonas Berg"], "Soil Biology and Biochemistry", issued=(2021, 12, 14), online=(2021, 12, 14)),
    work("10.5555/rw.2016.77", "journal-article", "Dietary nitrate improves cognitive flexibility in older adults: a randomised trial", ["Marco Ferri", "Julia Nowak"], "Nutrition and Ageing", issued=(2016, 4), printed=(2016, 4), updated_by=[("10.5555/rw.2016.77.retraction", "retraction", "retraction-watch", (2019, 9, 12))]),
    work("10.5555/eoc.2019.3", "journal-article", "Mitochondrial transfer rescues senescent fibroblasts in vivo", ["Kenji Watanabe", "Laura Schmidt"], "Cell Reports Medicine", issued=(2019, 6), printed=(2019, 6), updated_by=[("10.5555/eoc.2019.3.eoc", "expression_of_concern", "publisher", (2021, 1, 15))]),
    work("10.5555/withdrawn.2022.1", "journal-article", "A scalable catalyst for ambient ammonia synthesis", ["Priya Raman"], "Chemical Communications", issued=(2022, 2), online=(2022, 2), updated_by=[("10.5555/withdrawn.2022.1.w", "withdrawal", "publisher", (2022, 5, 2))]),
    work("10.5555/dup.a", "journal-article", "Measuring urban heat islands with crowdsourced thermometers", ["Elena Petrova", "Samuel Okafor"], "Urban Climate", issued=(2020, 5), printed=(2020, 5)),
    work("10.5555/dup.b", "journal-article", "Measuring urban heat islands with crowdsourced thermometers", ["Elena Petrova", "Samuel Okafor"], "Urban Climate", issued=(2020, 5), printed=(2020, 5)),
    work("10.5555/notice.2010.retraction", "retraction", "Retraction notice", [], "Nutrition and Ageing", issued=(2019, 9), printed=(2019, 9)),
    *RECONCILIATION_WORKS,
]

DATACITE = [
    {
        "id": "10.48550/arxiv.1706.03762",
        "type": "dois",
        "attributes": {
            "doi": "10.48550/arxiv.1706.03762",
            "titles": [{"title": "Attention Is All You Need"}],
            "creators": [
                {"name": "Vaswani, Ashish", "nameType": "Personal", "givenName": "Ashish", "familyName": "Vaswani"},
                {"name": "Shazeer, Noam", "nameType": "Personal", "givenName": "Noam", "familyName": "Shazeer"},
            ],
            "publisher": "arXiv",
            "publicationYear": 2017,
            "types": {"resourceTypeGeneral": "Preprint", "resourceType": "Article"},
            "dates": [{"date": "2017-06-12", "dateType": "Submitted"}, {"date": "2017", "dateType": "Issued"}],
            "url": "https://arxiv.org/abs/1706.03762",
        },
    },
    {
        "id": "10.5281/zenodo.3509134",
        "type": "dois",
        "attributes": {
            "doi": "10.5281/zenodo.3509134",
            "titles": [{"title": "pandas-dev/pandas: Pandas 0.25.3"}],
            "creators": [{"name": "The pandas development team", "nameType": "Organizational"}],
            "publisher": "Zenodo",
            "publicationYear": 2019,
            "types": {"resourceTypeGeneral": "Software"},
            "dates": [{"date": "2019-10-31", "dateType": "Issued"}],
        },
    },
    {
        "id": "10.17632/7hpxhyr3j4.1",
        "type": "dois",
        "attributes": {
            "doi": "10.17632/7hpxhyr3j4.1",
            "titles": [{"title": "Leaf trait measurements of 120 Mediterranean shrub species"}],
            "creators": [{"name": "García, Lucía", "nameType": "Personal", "givenName": "Lucía", "familyName": "García"}],
            "publisher": "Mendeley Data",
            "publicationYear": 2021,
            "types": {"resourceTypeGeneral": "Dataset"},
            "dates": [{"date": "2021-03-02", "dateType": "Issued"}],
        },
    },
]

HANDLES = {
    # Registered with other agencies (mEDRA, JaLC): doi.org knows them, Crossref does not.
    "registered": ["10.3280/es2019-002001", "10.11501/3180519"],
    "aliases": {"10/ggp5rm": "10.1038/s41586-020-2649-2"},
}

if __name__ == "__main__":
    (HERE / "works.json").write_text(json.dumps(WORKS, indent=1, ensure_ascii=False) + "\n", "utf-8")
    (HERE / "datacite.json").write_text(json.dumps(DATACITE, indent=1, ensure_ascii=False) + "\n", "utf-8")
    (HERE / "handles.json").write_text(json.dumps(HANDLES, indent=1) + "\n", "utf-8")
