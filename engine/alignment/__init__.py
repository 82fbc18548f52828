"""Pillar III, alignment from human feedback: sampling candidate answers, preference losses
(online DPO/KTO), measurements, scripted rankers, and one alignment run that ties them."""
