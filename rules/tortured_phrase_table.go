package rules

// tphTable is the built-in table of tortured phrases, in the format of
// [ParseTorturedList]. Entries come from the spinning fingerprints
// documented in the problematic-paper literature and from running common
// terms through synonym swaps; each was kept only if the tortured form has
// no established meaning of its own in edited English. A "[domain]" prefix
// marks a phrase ordinary English also uses: it is reported only near a
// cue word of that domain.
const tphTable = `
# Computing, artificial intelligence, data
counterfeit consciousness → artificial intelligence
man-made consciousness → artificial intelligence
man-made brainpower → artificial intelligence
computerized reasoning → artificial intelligence
fake consciousness → artificial intelligence
[computing] counterfeit intelligence → artificial intelligence
counterfeit neural organization → artificial neural network
counterfeit neural system → artificial neural network
fake neural organization → artificial neural network
[computing] profound learning → deep learning
profound neural organization → deep neural network
profound neural system → deep neural network
profound support learning → deep reinforcement learning
convolutional neural organization → convolutional neural network
repetitive neural organization → recurrent neural network
intermittent neural organization → recurrent neural network
diagram neural organization → graph neural network
generative antagonistic organization → generative adversarial network
long momentary memory → long short-term memory
long transient memory → long short-term memory
[computing] consideration component → attention mechanism
consideration instrument → attention mechanism
misfortune work → loss function
[computing] enactment work → activation function
angle plummet → gradient descent
angle plunge → gradient descent
[computing] irregular woodland → random forest
arbitrary woodland → random forest
irregular backwoods → random forest
[computing] choice tree → decision tree
backing vector machine → support vector machine
bolster vector machine → support vector machine
k-closest neighbor → k-nearest neighbor
k-closest neighbour → k-nearest neighbour
k-implies bunching → k-means clustering
bunching calculation → clustering algorithm
hereditary calculation → genetic algorithm
molecule swarm enhancement → particle swarm optimization
molecule swarm streamlining → particle swarm optimization
[computing] administered learning → supervised learning
[computing] unaided learning → unsupervised learning
[computing] solo learning → unsupervised learning
[computing] highlight choice → feature selection
disarray lattice → confusion matrix
disarray framework → confusion matrix
[computing] preparing information → training data
[computing] preparing set → training set
colossal information → big data
[computing] enormous information → big data
[computing] huge information → big data
[computing] information mining → data mining
information stockroom → data warehouse
information distribution center → data warehouse
information assortment → data collection
[computing] information examination → data analysis
haze figuring → cloud computing
cloud figuring → cloud computing
mist figuring → fog computing
edge figuring → edge computing
quantum figuring → quantum computing
bunch registering → cluster computing
lattice registering → grid computing
equal registering → parallel computing
[computing] equal handling → parallel processing
regular language handling → natural language processing
normal language handling → natural language processing
characteristic language preparing → natural language processing
picture preparing → image processing
[computing] picture handling → image processing
picture division → image segmentation
picture acknowledgment → image recognition
discourse acknowledgment → speech recognition
face acknowledgment → face recognition
design acknowledgment → pattern recognition
PC vision → computer vision
[computing] versatile organization → mobile network
versatile phone → mobile phone
[computing] remote organization → wireless network
remote sensor organization → wireless sensor network
remote sensor system → wireless sensor network
interruption location framework → intrusion detection system
interruption location → intrusion detection
[computing] refusal of administration → denial of service
disavowal of administration → denial of service
[computing] organization security → network security
[computing] working framework → operating system
programming designing → software engineering
arbitrary get to memory → random access memory
irregular get to → random access
shrewd home → smart home
shrewd city → smart city
shrewd lattice → smart grid
savvy lattice → smart grid
[computing] site design improvement → search engine optimization
cryptographic money → cryptocurrency
flag to commotion → signal to noise
sign to commotion → signal to noise
flag to clamor → signal to noise
[any] flag handling → signal processing
[any] sign handling → signal processing
mean square blunder → mean square error
mean squared blunder → mean squared error
mean outright blunder → mean absolute error
mean outright mistake → mean absolute error
fluffy rationale → fuzzy logic

# Medicine and biology
bosom malignancy → breast cancer
bosom disease → breast cancer
bosom malignant growth → breast cancer
bosom peril → breast cancer
heart disappointment → heart failure
kidney disappointment → kidney failure
renal disappointment → renal failure
respiratory disappointment → respiratory failure
circulatory strain → blood pressure
[medicine] Alzheimer's illness → Alzheimer's disease
[medicine] Parkinson's illness → Parkinson's disease
Parkinson's infection → Parkinson's disease
sickle cell sickness → sickle cell disease
ceaseless kidney illness → chronic kidney disease
ceaseless obstructive pneumonic illness → chronic obstructive pulmonary disease
pneumonic embolism → pulmonary embolism
[medicine] safe framework → immune system
invulnerable framework → immune system
insusceptible framework → immune system
invulnerable reaction → immune response
insusceptible reaction → immune response
irresistible illness → infectious disease
irresistible sickness → infectious disease
extreme intense respiratory disorder → severe acute respiratory syndrome
intense respiratory pain disorder → acute respiratory distress syndrome
intense respiratory trouble disorder → acute respiratory distress syndrome
counter acting agent → antibody
clinical preliminary → clinical trial
randomized controlled preliminary → randomized controlled trial
twofold visually impaired → double-blind
[medicine] fake treatment → placebo
focal sensory system → central nervous system
stomach related framework → digestive system
spinal string → spinal cord
foundational microorganism → stem cell
red platelet → red blood cell
white platelet → white blood cell
nutrient D inadequacy → vitamin D deficiency
[medicine] weight record → body mass index
[medicine] hazard factor → risk factor
human immunodeficiency infection → human immunodeficiency virus
myocardial localized necrosis → myocardial infarction
attractive reverberation imaging → magnetic resonance imaging
figured tomography → computed tomography
[medicine] quality articulation → gene expression
protein collapsing → protein folding
sub-atomic science → molecular biology
amino corrosive → amino acid
nucleic corrosive → nucleic acid
lactic corrosive → lactic acid

# Physical sciences, environment, statistics
factual importance → statistical significance
[science] straight relapse → linear regression
[science] calculated relapse → logistic regression
[science] strategic relapse → logistic regression
relationship coefficient → correlation coefficient
invalid speculation → null hypothesis
void speculation → null hypothesis
certainty stretch → confidence interval
certainty span → confidence interval
certainty interim → confidence interval
[science] standard mistake → standard error
worldwide temperature alteration → global warming
an unnatural weather change → global warming
nursery gas → greenhouse gas
[science] nursery impact → greenhouse effect
ocean level ascent → sea level rise
sun based vitality → solar energy
sun oriented vitality → solar energy
sun oriented force → solar power
sun based cell → solar cell
sun oriented cell → solar cell
wind vitality → wind energy
atomic vitality → nuclear energy
vitality productivity → energy efficiency
vitality utilization → energy consumption
vitality stockpiling → energy storage
warm conductivity → thermal conductivity
[science] warm vitality → thermal energy
[science] attractive field → magnetic field
[science] electric flow → electric current
limited component technique → finite element method
limited component investigation → finite element analysis
limited component examination → finite element analysis
[science] dark opening → black hole
[science] dull matter → dark matter
dull vitality → dark energy
corrosive downpour → acid rain
sulfuric corrosive → sulfuric acid
hydrochloric corrosive → hydrochloric acid

# Economy, politics, news
gross homegrown item → gross domestic product
unfamiliar direct venture → foreign direct investment
[economy] unfamiliar trade → foreign exchange
[economy] unfamiliar money → foreign currency
[economy] financial exchange → stock market
[economy] monetary development → economic growth
prime clergyman → prime minister
unfamiliar clergyman → foreign minister
money clergyman → finance minister
Joined Countries → United Nations
Joined Realm → United Kingdom
World Wellbeing Association → World Health Organization
World Wellbeing Organization → World Health Organization
Global Money related Asset → International Monetary Fund
Worldwide Money related Asset → International Monetary Fund
World Exchange Association → World Trade Organization
official political race → presidential election
long range interpersonal communication → social networking
computerized showcasing → digital marketing
inventory network the executives → supply chain management
store network the board → supply chain management
inventory network the board → supply chain management
hazard the board → risk management
venture the board → project management
client relationship the board → customer relationship management
`
