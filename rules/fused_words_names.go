package rules

// World names for fused-words: given names and surnames that are common in
// international news, grouped by region. The lists leave out names that are
// common English words (Will, Hope, Faith, Grace, Marine, Taro, Vera, Sinner)
// and very short names that start many words (Ken, Tor, Jan); short names
// that remain (Li, Wu, Ali) need a listed surname or the pair spelled apart
// elsewhere before a fusion counts. A given name that also ends many real
// compound given names (Reza in Alireza, Peter in Hanspeter, Carlos in
// Juancarlos) is on the first-name list, which makes the rule read such a
// token as one given name unless the text spells the pair apart.

// fswFirstJapanese are Japanese given names.
var fswFirstJapanese = []string{
	"Shigeru", "Yoshihide", "Junichiro", "Yukio", "Naoto", "Yoshihiko", "Sanae", "Yuriko", "Toshimitsu",
	"Yoko", "Kenji", "Haruki", "Hayao", "Akira", "Yuki", "Naomi", "Shohei", "Yuzuru", "Ichiro", "Hideki",
	"Masayoshi", "Akio", "Koji", "Kazuo", "Makoto", "Satoshi", "Hiroki", "Kenta", "Daisuke", "Takashi",
	"Tetsuya", "Yasuhiro", "Kentaro", "Ryota", "Keiko", "Akiko", "Mariko", "Naruhito", "Masako",
	"Akihito", "Hirohito", "Yoshimasa", "Katsunobu", "Toshihiro", "Hirokazu", "Takeo", "Yasuo",
	"Nobuo", "Tadashi", "Kazuhiro", "Noriko", "Yumiko", "Hitoshi", "Shunichi", "Kiyoshi",
}

// fswFirstChinese are Chinese family names in pinyin, which come first in a
// Chinese name (Xi Jinping). Pinyin syllables join into given names
// (Zhaochen), so short syllables and those that often open a given name
// (Xiao, Yang, Ming) are left out.
var fswFirstChinese = []string{
	"Wang", "Zhang", "Zhao", "Huang", "Zhou", "Zheng", "Deng", "Liu", "Li", "Wu", "Xu", "Hu", "Guo",
	"Gao", "Cai", "Qin", "Wen", "Mao", "Zhu", "Lin", "Ma",
}

// fswFirstKorean are Korean family names and given names.
var fswFirstKorean = []string{
	"Yoon", "Choi", "Hwang", "Kwon", "Jeong", "Seung", "Hyun", "Jae", "Kyung", "Jong",
}

// fswFirstSouthAsian are Indian (Hindi, Tamil, Bengali, Marathi, Punjabi,
// Telugu), Pakistani, Bangladeshi and Sri Lankan given names.
var fswFirstSouthAsian = []string{
	"Arvind", "Rajnath", "Nirmala", "Piyush", "Mamata", "Nitish", "Sonia", "Priyanka", "Manmohan",
	"Sachin", "Virat", "Rohit", "Mahendra", "Sunil", "Sanjay", "Vijay", "Ajay", "Anil", "Sunita",
	"Deepak", "Suresh", "Ramesh", "Mahesh", "Rajesh", "Ganesh", "Dinesh", "Mukesh", "Ratan", "Gautam",
	"Ashok", "Arun", "Kiran", "Pooja", "Neha", "Shreya", "Aishwarya", "Deepika", "Aamir", "Akshay",
	"Anand", "Lakshmi", "Venkatesh", "Srinivas", "Karthik", "Senthil", "Arjun", "Vikram", "Rajiv",
	"Indira", "Jawaharlal", "Mohandas", "Mahatma", "Subhas", "Sourav", "Abhijit", "Amartya",
	"Rabindranath", "Satyajit", "Partha", "Sudipta", "Ananya", "Uddhav", "Sharad", "Devendra",
	"Eknath", "Aditya", "Bhagwant", "Amarinder", "Navjot", "Harbhajan", "Yuvraj", "Smriti", "Sushma",
	"Yogendra", "Prashant", "Shashi", "Kapil", "Mallikarjun", "Siddaramaiah", "Chandrababu",
	"Jagan", "Revanth", "Udhayanidhi", "Narayan", "Narayana", "Nawaz", "Shehbaz", "Asif", "Bilawal",
	"Benazir", "Zulfikar", "Maryam", "Hasina", "Khaleda", "Muhammad", "Ranil", "Gotabaya",
	"Mahinda", "Anura",
}

// fswFirstAfrican are Nigerian (Yoruba, Igbo, Hausa), Ghanaian, Kenyan and
// other East and Southern African given names.
var fswFirstAfrican = []string{
	"Olusegun", "Oluwaseun", "Adebayo", "Ayodele", "Babajide", "Bola", "Folake", "Funmilayo", "Kemi",
	"Tunde", "Wole", "Yemi", "Segun", "Femi", "Bisi", "Tolu", "Adewale", "Abiodun", "Olumide",
	"Temitope", "Damilola", "Chimamanda", "Chinua", "Chukwuemeka", "Ngozi", "Nnamdi", "Chidi", "Emeka",
	"Ifeoma", "Uche", "Chioma", "Amaka", "Obinna", "Ikenna", "Kelechi", "Nkechi", "Adaeze", "Muhammadu",
	"Atiku", "Aminu", "Nasir", "Kashim", "Yakubu", "Umaru", "Hadiza", "Zainab", "Kwame",
	"Kofi", "Akua", "Uhuru", "Raila", "Rigathi", "Kithure", "Musalia", "Kalonzo", "Wangari",
	"Lupita", "Eliud", "Samia", "Jakaya", "Yoweri", "Muhoozi", "Abiy", "Haile", "Tedros", "Wanjiku",
	"Njeri", "Akinyi", "Achieng", "Kipchoge", "Jomo", "Thabo", "Jacob", "Julius", "Nelson", "Desmond",
	"Emmerson", "Hakainde", "Felix", "Macky", "Bassirou", "Alassane", "Ousmane", "Moussa", "Mamadou",
	"Amadou", "Aliko",
}

// fswFirstArabicPersianTurkish are Arabic, Persian and Turkish given names.
var fswFirstArabicPersianTurkish = []string{
	"Muhammad", "Mohamed", "Mohammad", "Ahmad", "Mustafa", "Khalid", "Khaled", "Abdullah",
	"Abdulaziz", "Abdul", "Faisal", "Tamim", "Hamad", "Zayed", "Mansour", "Nasser", "Hosni", "Anwar",
	"Gamal", "Jamal", "Yasser", "Ismail", "Hussein", "Hossein", "Karim", "Rashid", "Tariq", "Walid",
	"Waleed", "Youssef", "Yousef", "Samir", "Nabil", "Ziad", "Rami", "Fatima", "Aisha", "Layla",
	"Leila", "Rania", "Yasmin", "Salma", "Mariam", "Hamid", "Hamza", "Bilal", "Osama", "Marwan",
	"Najib", "Saad", "Riad", "Aziz", "Rahman", "Fattah", "Qasem", "Masoud", "Massoud", "Javad",
	"Reza", "Mojtaba", "Abolfazl", "Amir", "Farhad", "Dariush", "Shirin", "Narges", "Nasrin", "Mahsa",
	"Parisa", "Zahra", "Babak", "Behrouz", "Bahram", "Kaveh", "Arash", "Saeed", "Mehdi", "Mahdi",
	"Ruhollah", "Ahmet", "Mehmet", "Kemal", "Hakan", "Mevlut", "Ekrem", "Devlet", "Binali",
	"Murat", "Emre", "Burak", "Deniz", "Ozan", "Serkan", "Selin", "Elif", "Zeynep", "Ayse", "Fatma",
	"Emine", "Meral", "Ebru", "Orhan", "Yahya", "Ismail", "Mahmoud", "Abbas", "Tayyip",
}

// fswFirstSoutheastAsian are Indonesian, Malaysian, Filipino, Vietnamese
// and Thai given names (and leading Vietnamese family names).
var fswFirstSoutheastAsian = []string{
	"Joko", "Prabowo", "Susilo", "Megawati", "Gibran", "Anies", "Ganjar", "Retno", "Bambang", "Budi",
	"Agus", "Dewi", "Siti", "Anwar", "Mahathir", "Najib", "Ismail", "Ferdinand", "Rodrigo", "Leni",
	"Manny", "Gloria", "Corazon", "Bongbong", "Imelda", "Benigno", "Nguyen", "Pham", "Hoang",
	"Prayut", "Srettha", "Paetongtarn", "Thaksin", "Yingluck", "Anutin", "Aung",
}

// fswFirstEastEuropean are Russian, Ukrainian, Belarusian, Polish, Czech,
// Baltic, Balkan and Hungarian given names.
var fswFirstEastEuropean = []string{
	"Yuri", "Yury", "Andrei", "Andriy", "Andrii", "Oleg", "Pavel", "Pavlo", "Anatoly", "Leonid",
	"Evgeny", "Gennady", "Konstantin", "Maxim", "Maksim", "Mykhailo", "Mykola", "Taras", "Bohdan",
	"Denys", "Ruslan", "Rustem", "Kyrylo", "Valeriy", "Valerii", "Serhiy", "Serhii", "Ihor", "Vasyl",
	"Vitaly", "Arseniy", "Iryna", "Olha", "Olga", "Lyudmila", "Valentina", "Galina", "Yelena", "Elena",
	"Tatyana", "Natalya", "Daria", "Darya", "Alina", "Ksenia", "Nadezhda", "Zhanna", "Polina",
	"Alexandr", "Aleksandr", "Aleksei", "Alexey", "Yevgeniy", "Grigory", "Stanislav", "Vyacheslav",
	"Svyatoslav", "Yaroslav", "Jaroslaw", "Rafal", "Radoslaw", "Szymon", "Krzysztof", "Tomasz", "Piotr",
	"Pawel", "Marcin", "Michal", "Lukasz", "Wojciech", "Grzegorz", "Zbigniew", "Lech", "Aleksander",
	"Agnieszka", "Malgorzata", "Magdalena", "Joanna", "Beata", "Dorota", "Karolina", "Jakub", "Bartosz",
	"Kamil", "Janusz", "Jerzy", "Stanislaw", "Witold", "Kazimierz", "Vaclav", "Petr", "Milos", "Andrej",
	"Aleksandar", "Slobodan", "Zoran", "Dragan", "Goran", "Kaja", "Gitanas", "Edgars",
	"Krisjanis", "Ilham", "Kassym", "Shavkat", "Alexandra", "Svetlana", "Oleksandr",
}

// fswFirstWestEuropean are Spanish, Portuguese, Latin American, French,
// Italian, German, Dutch and Scandinavian given names.
var fswFirstWestEuropean = []string{
	// Spanish, Portuguese, Latin American.
	"Luiz", "Inacio", "Javier", "Alejandro", "Andres", "Manuel", "Francisco", "Fernando", "Rafael",
	"Alberto", "Jorge", "Sergio", "Ricardo", "Eduardo", "Gustavo", "Diego", "Mateo", "Pablo", "Alvaro",
	"Ignacio", "Emilio", "Enrique", "Felipe", "Ernesto", "Raul", "Ramon", "Mauricio", "Nicolas",
	"Guillermo", "Joaquin", "Lorenzo", "Dilma", "Cristina", "Claudia", "Xochitl", "Gabriela", "Daniela",
	"Camila", "Lucia", "Sofia", "Fernanda", "Adriana", "Ximena", "Marcelo", "Joao", "Vinicius", "Neymar",
	"Geraldo", "Tarcisio", "Flavio", "Fabio", "Gilberto", "Nayib", "Gustavo", "Bernardo", "Daniel", "Andres", "Javier", "Cristiano",
	// French.
	"Nicolas", "Jacques", "Edouard", "Elisabeth", "Bruno", "Segolene", "Rachida", "Manon", "Clement",
	"Thierry", "Didier", "Dominique", "Laurent", "Olivier", "Sebastien", "Benoit", "Christophe",
	"Stephane", "Mathieu", "Aurelien", "Amelie", "Camille", "Chloe", "Zinedine", "Kylian", "Antoine",
	"Yannick", "Arnaud", "Valerie", "Brigitte", "Marie", "Gabriel", "Francois",
	// Italian.
	"Sergio", "Matteo", "Enrico", "Silvio", "Paolo", "Luigi", "Carlo", "Francesco", "Alessandro",
	"Andrea", "Elly", "Giancarlo", "Gianni", "Luca", "Roberto", "Stefano", "Massimo", "Alessia",
	"Chiara", "Francesca", "Giulia", "Federica", "Beatrice", "Giorgio", "Guido", "Vittorio",
	// German, Austrian, Swiss, Dutch.
	"Friedrich", "Markus", "Annalena", "Karl", "Horst", "Gerhard", "Helmut", "Joschka", "Sahra",
	"Juergen", "Joerg", "Dieter", "Guenter", "Heinz", "Manfred", "Rainer", "Stefan", "Stephan",
	"Matthias", "Tobias", "Florian", "Lukas", "Maximilian", "Moritz", "Katrin", "Sabine", "Petra",
	"Ulrike", "Heike", "Birgit", "Kristina", "Franziska", "Manuela", "Saskia", "Ricarda", "Svenja",
	"Anke", "Bjoern", "Uwe", "Alice", "Hubertus", "Armin", "Winfried", "Kurt", "Alexander", "Geert", "Wopke", "Ruud", "Johan", "Pieter", "Hendrik", // Scandinavian, Finnish, Icelandic.
	"Sven", "Gunnar", "Leif", "Bjarne", "Erna", "Ulf", "Petteri", "Sauli", "Jonas",
	"Katrin", "Bjarni", "Henrik", "Mikael", "Niels", "Soren", "Kasper", "Frederik", "Ulrik", "Anders",
	"Lars", "Nils", "Magnus", "Ingrid", "Astrid", "Sigrid", "Freya", "Espen", "Kari", "Jonas",
	"Alexander", "Magdalena", "Stefan", "Mette",
}

// fswSurnamesWorld are surnames (and, for Chinese names, the given names
// that follow the family name) common in international news.
var fswSurnamesWorld = []string{
	// East Asia.
	"Ishiba", "Takaichi", "Suga", "Koizumi", "Kono", "Hayashi", "Motegi", "Kamikawa", "Iwaya",
	"Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Yamaguchi",
	"Matsumoto", "Ohtani", "Murakami", "Miyazaki", "Kurosawa", "Hatoyama", "Nikai", "Kuroda", "Ueda",
	"Keqiang", "Qiang", "Huning", "Leji", "Xuexiang", "Jintao", "Jiabao", "Zemin", "Xiaoping",
	"Zedong", "Enlai", "Wenbin", "Lijian", "Chunying", "Jaemyung",
	// South Asia.
	"Gandhi", "Nehru", "Kejriwal", "Jaishankar", "Sitharaman", "Banerjee", "Chatterjee", "Mukherjee",
	"Tendulkar", "Kohli", "Dhoni", "Ambani", "Adani", "Tata", "Bachchan", "Sharif", "Bhutto",
	"Zardari", "Wajed", "Yunus", "Rajapaksa", "Wickremesinghe", "Dissanayake", "Shah", "Yadav",
	"Thackeray", "Pawar", "Shinde", "Fadnavis", "Naidu", "Reddy", "Kharge", "Tharoor", "Sharma",
	// Africa.
	"Tinubu", "Buhari", "Obasanjo", "Okonjo", "Iweala", "Adichie", "Achebe", "Soyinka", "Osinbajo",
	"Shettima", "Dangote", "Ruto", "Kenyatta", "Odinga", "Gachagua", "Kindiki", "Karua", "Mudavadi",
	"Musyoka", "Maathai", "Nyongo", "Kipchoge", "Kipyegon", "Rudisha", "Suluhu", "Magufuli", "Kikwete",
	"Museveni", "Kainerugaba", "Ahmed", "Ghebreyesus", "Gebrselassie", "Kagame", "Mohamud", "Zuma", "Mbeki",
	"Malema", "Mnangagwa", "Mugabe", "Hichilema", "Tshisekedi", "Faye", "Ouattara", "Akufo", "Mahama",
	"Annan", "Nkrumah", "Traore",
	// Middle East, Iran, Turkey.
	"Pezeshkian", "Araghchi", "Zarif", "Ahmadinejad", "Khatami", "Rafsanjani", "Larijani", "Ghalibaf",
	"Soleimani", "Khomeini", "Sinwar", "Haniyeh", "Nasrallah", "Abbas", "Arafat", "Mubarak", "Sadat",
	"Nasser", "Gaddafi", "Qaddafi", "Hussein", "Erdogan", "Fidan", "Davutoglu", "Imamoglu",
	"Kilicdaroglu", "Bahceli", "Babacan", "Cavusoglu", "Pamuk", "Mikati", "Aoun", "Hariri", "Sudani",
	"Kadhimi", "Jolani", "Sharaa", "Thani",
	// Southeast Asia.
	"Widodo", "Jokowi", "Subianto", "Sukarno", "Suharto", "Sukarnoputri", "Yudhoyono", "Indrawati",
	"Ibrahim", "Mahathir", "Marcos", "Duterte", "Aquino", "Robredo", "Pacquiao", "Arroyo", "Shinawatra",
	"Thavisin", "Limjaroenrat", "Charnvirakul", "Chinawatra", "Hlaing", // Russia, Ukraine, Eastern Europe, Caucasus, Central Asia.
	"Mishustin", "Belousov", "Patrushev", "Nebenzya", "Naryshkin", "Bortnikov", "Sobyanin", "Kiriyenko",
	"Volodin", "Matviyenko", "Nabiullina", "Siluanov", "Navalnaya", "Khodorkovsky", "Deripaska",
	"Surovikin", "Girkin", "Syrskyi", "Budanov", "Umerov", "Sybiha", "Stefanchuk", "Tymoshenko",
	"Poroshenko", "Yanukovych", "Yushchenko", "Kuchma", "Zaluzhny", "Zelenska", "Svyrydenko",
	"Tusk", "Kaczynski", "Nawrocki", "Trzaskowski", "Sikorski", "Holownia", "Walesa", "Swiatek",
	"Lewandowski", "Fico", "Babis", "Kurti", "Aliyev", "Pashinyan", "Tokayev", "Mirziyoyev",
	"Kallas", "Nauseda", "Rinkevics", "Sandu", "Dodon",
	// Western Europe, Nordics.
	"Merz", "Habeck", "Baerbock", "Lindner", "Pistorius", "Steinmeier", "Weidel", "Wagenknecht",
	"Soeder", "Laschet", "Schroeder", "Barnier", "Bayrou", "Attal", "Lecornu", "Bardella",
	"Melenchon", "Hollande", "Sarkozy", "Chirac", "Mattarella", "Tajani", "Salvini", "Berlusconi",
	"Renzi", "Prodi", "Schlein", "Gentiloni", "Sanchez", "Feijoo", "Abascal", "Rajoy", "Zapatero",
	"Montenegro", "Rebelo", "Schoof", "Wilders", "Kristersson", "Andersson", "Lofven", "Solberg",
	"Orpo", "Niinisto", "Stubb", "Rasmussen", "Jakobsdottir", "Albanese", "Luxon", "Hipkins",
	"Carney", "Poilievre",
	// Latin America.
	"Milei", "Sheinbaum", "Obrador", "Petro", "Boric", "Maduro", "Bukele", "Noboa", "Ortega", "Chavez",
	"Guaido", "Arevalo", "Boluarte", "Kirchner", "Macri", "Morales", "Arce", "Haddad",
	"Alckmin", "Moraes", "Rousseff", "Cardoso", "Neymar", "Messi", "Maradona", "Pele",
}

// fswMerge returns the set of the words of all the lists.
func fswMerge(lists ...[]string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, l := range lists {
		for _, w := range l {
			m[w] = struct{}{}
		}
	}
	return m
}
